using System.Diagnostics;
using System.Text;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// Random damage to the real content files — random bytes, and YAML and Markdown tokens put where they do not belong
/// — must only ever give diagnostics: no exception out of the loaders, and from the command line no stack trace and
/// no exit code but 0, 1 or 2. Seeded, so a failure names the seed and iteration that reproduce it; bounded in count
/// and in time, so it costs the suite a known amount.
/// </summary>
public sealed class ContentFuzzTests : IDisposable
{
    private const int Seed = 13;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    /// <summary>Pieces of YAML and Markdown syntax, and of the hostile input the build refuses.</summary>
    private static readonly string[] Tokens =
    [
        "&a ", "*a", "<<: *a", "[", "]", "{", "}", ": ", "- ", "? ", "|", ">", "!!binary ", "%YAML 1.1\n", "---\n", "...\n", "\"", "'",
        "\t", "\n", "\r", "\v", "\u0001", "\uFFFE", "\\x01", "&#11;", "# 附件9\n", "# 附件1\n", "<script>", "<br>", "](javascript:x)",
        "[x](", "<http://", "**", "`", "```\n", "| a | b |\n|---|---|\n", new string('>', 300), string.Concat(Enumerable.Repeat("- ", 300)),
        new string('[', 300), "【待填写】", "shows: text\n", "attachments:\n  - title: x\n", "\u00A0", "\uD800",
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "qm-fuzz-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<string> _files;

    public ContentFuzzTests()
    {
        TempSite.CopyDirectory(Path.Combine(Repo.Root, "input"), Path.Combine(_root, "input"));
        TempSite.CopyDirectory(Path.Combine(Repo.Root, "theme", "assets"), Path.Combine(_root, "theme", "assets"));
        File.Copy(Path.Combine(Repo.Root, "statiq.json"), Path.Combine(_root, "statiq.json"));
        _files = [.. Directory.GetFiles(Path.Combine(_root, "input"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".md" or ".yml").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void The_loaders_report_damaged_content_and_never_throw()
    {
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        for (; runs < 400 && clock.Elapsed < Budget; runs++)
        {
            var (file, damage) = Damage(random);
            try
            {
                var diagnostics = new DiagnosticBag();
                ContentLoader.Load(_root, diagnostics);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {Seed}, run {runs}: {Path.GetRelativePath(_root, file)} with {damage}: {e}");
            }
            finally
            {
                Restore(file);
            }
        }
        Assert.True(runs >= 50, $"only {runs} runs in {Budget}");
    }

    [Fact]
    public void The_command_line_exits_0_1_or_2_without_a_stack_trace()
    {
        var random = new Random(Seed + 1);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        for (; runs < 12 && clock.Elapsed < Budget; runs++)
        {
            var (file, damage) = Damage(random);
            try
            {
                var result = Generator.Run(RefusedContentSite.MemoryBound, "check", "--root", _root, "--format", "lines", "--lang", "en");
                var where = $"seed {Seed + 1}, run {runs}: {Path.GetRelativePath(_root, file)} with {damage}";
                Assert.True(result.ExitCode is 0 or 1 or 2, $"{where}: exit {result.ExitCode}\n{result.All}");
                Assert.False(result.All.Contains("   at ", StringComparison.Ordinal) || result.All.Contains("internal error", StringComparison.Ordinal),
                    $"{where}: a stack trace\n{result.All}");
            }
            finally
            {
                Restore(file);
            }
        }
        Assert.True(runs >= 3, $"only {runs} runs in {Budget}");
    }

    /// <summary>Damages one content file at random; returns it and what was done, for the failure message.</summary>
    private (string File, string Damage) Damage(Random random)
    {
        var file = _files[random.Next(_files.Count)];
        var bytes = File.ReadAllBytes(file);
        var at = random.Next(bytes.Length + 1);
        string damage;
        switch (random.Next(5))
        {
            case 0:
                var noise = new byte[random.Next(1, 64)];
                random.NextBytes(noise);
                bytes = [.. bytes[..at], .. noise, .. bytes[at..]];
                damage = $"{noise.Length} random bytes at byte {at}";
                break;
            case 1:
                bytes = new byte[random.Next(0, 2048)];
                random.NextBytes(bytes);
                damage = $"{bytes.Length} random bytes in place of the file";
                break;
            case 2:
                var length = random.Next(0, Math.Min(200, bytes.Length - at) + 1);
                bytes = [.. bytes[..at], .. bytes[(at + length)..]];
                damage = $"{length} bytes cut at byte {at}";
                break;
            default:
                var token = Tokens[random.Next(Tokens.Length)];
                var text = Encoding.UTF8.GetString(bytes);
                var index = random.Next(text.Length + 1);
                bytes = Encoding.UTF8.GetBytes(text[..index] + token + text[index..]);
                damage = $"'{token.Replace("\n", "\\n", StringComparison.Ordinal)[..Math.Min(token.Length, 20)]}' at character {index}";
                break;
        }
        File.WriteAllBytes(file, bytes);
        return (file, damage);
    }

    private void Restore(string file) =>
        File.Copy(Path.Combine(Repo.Root, Path.GetRelativePath(_root, file)), file, overwrite: true);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
