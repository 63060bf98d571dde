using System.Text.RegularExpressions;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Guide;

/// <summary>
/// The commands a staff guide tells staff to type: every line of its <c>```sh</c> blocks (without the
/// trailing <c># comment</c>) and every inline code span that starts with a program staff run.
/// </summary>
public sealed partial class StaffGuide
{
    public const string ChineseFile = "docs/staff-guide.zh.md";
    public const string EnglishFile = "docs/staff-guide.en.md";

    private StaffGuide(string file, IReadOnlyList<string> commands)
    {
        File = file;
        Commands = commands;
    }

    public string File { get; }

    /// <summary>In the order the guide gives them, each once.</summary>
    public IReadOnlyList<string> Commands { get; }

    public static StaffGuide Read(string file)
    {
        var text = System.IO.File.ReadAllText(Path.Combine(Repo.Root, file));
        var commands = new List<string>();
        foreach (Match block in ShellBlock().Matches(text))
            foreach (var line in block.Groups[1].Value.Split('\n'))
                if (TrailingComment().Replace(line, "").Trim() is { Length: > 0 } command)
                    commands.Add(command);
        var prose = ShellBlock().Replace(text, "");
        commands.AddRange(InlineCode().Matches(prose).Select(m => m.Groups[1].Value.Trim()).Where(IsCommand));
        return new StaffGuide(file, commands.Distinct().ToList());
    }

    /// <summary>
    /// The command with the words a translation may change (a commit message, a name) replaced by "…": the two
    /// guides must give the same commands in this form.
    /// </summary>
    public static string Shape(string command) => QuotedWords().Replace(command, "\"…\"");

    private static bool IsCommand(string code) =>
        code.StartsWith("./build.sh", StringComparison.Ordinal) || code.StartsWith("git ", StringComparison.Ordinal) ||
        code.StartsWith("ssh-keygen", StringComparison.Ordinal) || code.StartsWith("npm ", StringComparison.Ordinal) ||
        code.StartsWith("sudo ", StringComparison.Ordinal) || code.StartsWith("dotnet ", StringComparison.Ordinal) ||
        code.StartsWith("cd ", StringComparison.Ordinal);

    [GeneratedRegex(@"^```sh\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedWords();
}
