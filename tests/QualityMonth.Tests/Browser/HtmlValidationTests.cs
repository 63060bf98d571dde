using System.Diagnostics;
using System.Text.Json;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>Every built page is valid HTML according to the Nu Html Checker (vnu.jar from node_modules, run with java).</summary>
[Trait("Category", "Html")]
public sealed class HtmlValidationTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private static readonly string Jar = Path.Combine(Repo.NodeModules, "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task The_Nu_Html_Checker_finds_no_errors()
    {
        Assert.True(File.Exists(Jar), $"{Jar} is missing: run npm install in {Repo.Root}");
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-jar", Jar, "--format", "json", "--errors-only", "--skip-non-html", "--stdout", site.Output })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var json = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(json.StartsWith('{'), $"vnu.jar gave no JSON report (exit {process.ExitCode}):\n{json}{await stderr}");

        var errors = JsonDocument.Parse(json).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() != "info")
            .Select(Describe)
            .ToList();
        Assert.True(errors.Count == 0, $"the Nu Html Checker found {errors.Count} error(s):\n" + string.Join('\n', errors));
    }

    private string Describe(JsonElement message)
    {
        // vnu names files as file:/absolute/path, percent-encoded.
        var file = message.TryGetProperty("url", out var url) ? Path.GetRelativePath(site.Output, Uri.UnescapeDataString(url.GetString()!.Replace("file:", "", StringComparison.Ordinal))) : "?";
        var line = message.TryGetProperty("lastLine", out var last) ? last.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        return $"{file}:{line}: {message.GetProperty("message").GetString()}";
    }
}
