using System.Text.Json;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>One problem as a <c>--format json</c> report gives it.</summary>
public sealed record ReportedProblem(string File, int? Line, int? Column, string Severity, string Code, string Message)
{
    /// <summary>What a build and a check must agree on, in any language: where, how bad, what kind.</summary>
    public string Fact => $"{File}:{Line}:{Column} {Severity} {Code}";

    public override string ToString() => $"{File}:{Line}:{Column}: {Severity}: {Message} [{Code}]";
}

/// <summary>
/// A <c>--format json</c> report read back with System.Text.Json's document reader (not the generator's own types):
/// stdout must hold one JSON document and nothing else.
/// </summary>
public sealed record CheckReport(string Command, string Language, int Errors, int Warnings,
    IReadOnlyDictionary<string, int> Pages, int Photos, IReadOnlyList<ReportedProblem> Problems, JsonElement Coverage, string Json)
{
    public static CheckReport Parse(Generator.Result result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement.Clone();
        var problems = root.GetProperty("files").EnumerateArray().SelectMany(file => file.GetProperty("diagnostics").EnumerateArray()
            .Select(d => new ReportedProblem(
                file.GetProperty("file").GetString()!,
                d.GetProperty("line").ValueKind == JsonValueKind.Null ? null : d.GetProperty("line").GetInt32(),
                d.GetProperty("column").ValueKind == JsonValueKind.Null ? null : d.GetProperty("column").GetInt32(),
                d.GetProperty("severity").GetString()!,
                d.GetProperty("code").GetString()!,
                d.GetProperty("message").GetString()!))).ToList();
        return new CheckReport(
            root.GetProperty("command").GetString()!,
            root.GetProperty("language").GetString()!,
            root.GetProperty("errors").GetInt32(),
            root.GetProperty("warnings").GetInt32(),
            root.GetProperty("pages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            root.GetProperty("photos").GetInt32(),
            problems,
            root.GetProperty("coverage"),
            result.Stdout);
    }

    public IReadOnlySet<string> Facts => Problems.Select(p => p.Fact).ToHashSet();

    /// <summary>The one problem of a code on a line of a file (line 0: the whole file); fails listing them all when there is not exactly one.</summary>
    public ReportedProblem At(string file, int line, string code)
    {
        var found = Problems.Where(p => p.File == file && (p.Line ?? 0) == line && p.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code} at {file}:{line}, found {found.Count} among:\n  {string.Join("\n  ", Problems)}");
        return found[0];
    }

    /// <summary>Writes the report where a validator can read it.</summary>
    public string SaveTo(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, Json);
        return path;
    }
}

/// <summary>One problem a test makes and the report it must get, in both languages.</summary>
/// <param name="English">A piece of the English message; <paramref name="Chinese"/> one of the Chinese message.</param>
public sealed record ExpectedProblem(string File, int Line, string Code, string Severity, string English, string Chinese)
{
    public override string ToString() => $"{File}:{Line} {Code}";
}

public static class SiteText
{
    /// <summary>The 1-based line of a file that holds <paramref name="text"/> (the first one).</summary>
    public static int LineOf(TempSite site, string file, string text)
    {
        var lines = File.ReadAllLines(site.PathOf(file));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException($"'{text}' is not in {file}");
        return index + 1;
    }
}
