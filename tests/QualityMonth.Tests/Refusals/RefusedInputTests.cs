using System.Diagnostics;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// The catalogue of docs/check.md, "What the build refuses", for what the files hold: a copy of the real site built
/// once, then each bad file in turn — the build exits 1 with the message at the file and line, and the previous
/// output is byte for byte as it was.
/// </summary>
public sealed class RefusedInputTests(RefusedInputTests.PublishedSite published) : IClassFixture<RefusedInputTests.PublishedSite>
{
    public sealed class PublishedSite : IDisposable
    {
        public PublishedSite()
        {
            var result = Generator.Run("build", "--root", Site.Root);
            if (result.ExitCode != 0) throw new InvalidOperationException(result.All);
            Outside = Path.Combine(Path.GetTempPath(), "qm-outside-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(Outside);
        }

        public TempSite Site { get; } = new();

        /// <summary>A folder outside the site, where links lead.</summary>
        public string Outside { get; }

        public void Dispose()
        {
            Site.Dispose();
            Directory.Delete(Outside, recursive: true);
        }
    }

    /// <param name="Make">Makes the bad file; returns what puts the site back.</param>
    /// <param name="Line">0: the problem concerns the whole file.</param>
    public sealed record Case(string Name, Func<PublishedSite, Action> Make, string File, Func<PublishedSite, int> Line, string Code, string English)
    {
        public override string ToString() => Name;
    }

    private const string Photo = "input/2025/activities/market-regulation/theme-2025.jpg";
    private const string Fuzhou = "input/2024/activities/fuzhou.yml";
    private const string Notice = "input/2024/notices/provincial.md";
    private const string AllCalendar = "output/calendar/activities.ics";

    public static readonly IReadOnlyList<Case> All =
    [
        new("a photo linked from outside", s => LinkOut(s, Photo), Photo, _ => 0, "symbolic-link", "a symbolic link (to "),
        new("a theme asset linked to /etc/passwd", s => Link(s, "theme/assets/favicon.svg", "/etc/passwd"), "theme/assets/favicon.svg", _ => 0,
            "symbolic-link", "a symbolic link (to /etc/passwd), not a file"),
        new("a year folder linked from outside", s => LinkOut(s, "input/2025", "input/2026"), "input/2026", _ => 0, "symbolic-link", "a symbolic link (to "),
        new("a symbolic link loop", s => Link(s, "input/2024/notices/up", "../.."), "input/2024/notices/up", _ => 0,
            "symbolic-link", "a symbolic link (to ../..), not a file"),
        new("statiq.json linked from outside", s => LinkOut(s, "statiq.json"), "statiq.json", _ => 0, "symbolic-link", "a symbolic link (to "),
        new("a key twice in statiq.json", s => Edit(s, "statiq.json", "\"currentYear\": 2025,", "\"currentYear\": 2025,\n  \"currentYear\": 2024,"),
            "statiq.json", s => LineOf(s, "statiq.json", "\"currentYear\": 2024"), "duplicate-setting", "the key 'currentYear' (at $.currentYear) is written twice"),
        new("basePath climbing out with ..", s => Edit(s, "statiq.json", "\"basePath\": \"/\"", "\"basePath\": \"/a/../../etc/\""),
            "statiq.json", s => LineOf(s, "statiq.json", "\"basePath\""), "invalid-setting", "'basePath': '/a/../../etc/' must be / or a path"),
        new("nine photo widths", s => Edit(s, "statiq.json", "[480, 960, 1600]", "[100, 200, 300, 400, 500, 600, 700, 800, 900]"),
            "statiq.json", s => LineOf(s, "statiq.json", "\"widths\""), "invalid-setting", "'widths': 9 widths, at most 8"),
        new("a photo width of 20000", s => Edit(s, "statiq.json", "[480, 960, 1600]", "[480, 20000]"),
            "statiq.json", s => LineOf(s, "statiq.json", "\"widths\""), "invalid-setting", "'widths': must be distinct pixel widths from 16 to 4096"),
        new("U+0001 written as an escape in statiq.json", s => Edit(s, "statiq.json", "“质量月”活动专题\"", "“质量月”\\u0001活动专题\""),
            "statiq.json", s => LineOf(s, "statiq.json", "\"title\""), "control-character", "this line holds the invisible control character U+0001 "),
        new("U+000B written as an escape in statiq.json", s => Edit(s, "statiq.json", "质量发展处 0591", "质量发展处\\u000B0591"),
            "statiq.json", s => LineOf(s, "statiq.json", "\"contact\""), "control-character", "this line holds the invisible control character U+000B, Word's manual line break"),
        new("U+FFFE written as an escape in statiq.json", s => Edit(s, "statiq.json", "市场监管、安全", "市场监管\\uFFFE安全"),
            "statiq.json", s => LineOf(s, "statiq.json", "市场监管"), "control-character", "this line holds the invisible control character U+FFFE "),
        new("U+0085 written as itself in statiq.json", s => Edit(s, "statiq.json", "质量强省工作", "质量强省\u0085工作"),
            "statiq.json", s => LineOf(s, "statiq.json", "\"sponsor\""), "control-character", "this line holds the invisible control character U+0085 "),
        new("the party-government mark in a folder linked from outside", MarkInLinkedFolder, "statiq.json", s => LineOf(s, "statiq.json", "\"partyGovernmentMark\""),
            "symbolic-link", "'partyGovernmentMark': the image 'marks/dzjg.png' is reached through the symbolic link 'marks' (to "),
        new("a theme file of 2,200 MB", s => Sparse(s, "theme/assets/intro.mp4", 2200L * 1024 * 1024), "theme/assets/intro.mp4", _ => 0, "file-too-large",
            "the theme file is too large: 2200 MB, a theme file holds at most 16 MB"),
        new("a title of 2,001 characters", s => Edit(s, Fuzhou, "title: 举办福州市首届质量知识竞赛\n", $"title: {new string('长', 2001)}\n"),
            Fuzhou, s => LineOf(s, Fuzhou, "title: 长长"), "title-too-long", "the title is too long: 2001 characters, at most 2000"),
        new("a notice over 1 MB", s => Append(s, Notice, string.Concat(Enumerable.Repeat("\n质量月活动正文。\n", 50_000))),
            Notice, _ => 0, "file-too-large", "the file is too large: 12"),
        new("a damaged SEQUENCE in the previous calendar", s => Edit(s, AllCalendar, "SEQUENCE:0\r\n", "SEQUENCE:zero\r\n"),
            "PREVIOUS/" + AllCalendar, s => LineOf(s, AllCalendar, "SEQUENCE:zero"), "previous-calendar", "the previous build's calendar is damaged: SEQUENCE 'zero' is not a number"),
    ];

    /// <summary>Every case with the tests' generator and with the native one ./build.sh runs, which has no JIT.</summary>
    public static TheoryData<int, bool> Cases
    {
        get
        {
            var cases = new TheoryData<int, bool>();
            foreach (var index in Enumerable.Range(0, All.Count))
            {
                cases.Add(index, false);
                cases.Add(index, true);
            }
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_build_refuses_the_file_at_its_line_and_leaves_the_previous_output_as_it_was(int index, bool native)
    {
        var @case = All[index];
        var site = published.Site;
        var undo = @case.Make(published);
        var before = FolderSnapshot.Of(site.Output);
        try
        {
            var clock = Stopwatch.StartNew();
            // A build that followed the loop grew to 24 GB: this one may have 512 MB and two minutes.
            var limit = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" };
            string[] build = ["build", "--root", site.Root];
            var result = native ? Generator.RunNative(limit, build) : Generator.Run(limit, build);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"{@case.Name}: the build took {clock.Elapsed}");

            Assert.True(result.ExitCode == 1, $"{@case.Name}: exit {result.ExitCode}\n{result.All}");
            var file = @case.File.Replace("PREVIOUS/", site.Root + "/", StringComparison.Ordinal);
            var line = @case.Line(published);
            var at = line == 0 ? $"{file}: error: " : $"{file}:{line}: error: ";
            var reported = result.Stderr.Split('\n').Where(l => l.StartsWith(at + @case.English, StringComparison.Ordinal)).ToList();
            Assert.True(reported.Count == 1, $"{@case.Name}: no '{at}{@case.English}' in\n{result.Stderr}");
            Assert.EndsWith($"[{@case.Code}]", reported[0]);
            Assert.DoesNotContain("internal error", result.All);
            Assert.DoesNotContain("   at ", result.All);
            Assert.Equal(before, FolderSnapshot.Of(site.Output));
        }
        finally
        {
            undo();
        }
    }

    [Fact]
    public void The_cases_are_the_rows_of_the_catalogue_in_docs_check_md()
    {
        var section = File.ReadAllText(Path.Combine(Repo.Root, "docs", "check.md"));
        section = section[section.IndexOf("## What the build refuses", StringComparison.Ordinal)..];
        foreach (var code in All.Select(c => c.Code).Distinct())
            Assert.Contains($"| `{code}` |", section);
    }

    [Fact]
    public void A_base_path_option_climbing_out_is_a_usage_error()
    {
        var result = Generator.Run("build", "--root", published.Site.Root, "--base-path", "/../../etc/");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage error: ", result.Stderr);
        Assert.Contains("'/../../etc/' must be / or a path of segments of letters, digits, '.', '_' or '-' starting with '/', none of dots only", result.Stderr);
    }

    private static Action Link(PublishedSite s, string relative, string target)
    {
        var path = s.Site.PathOf(relative);
        var moved = path + ".real";
        if (File.Exists(path)) File.Move(path, moved);
        File.CreateSymbolicLink(path, target);
        return () =>
        {
            File.Delete(path);
            if (File.Exists(moved)) File.Move(moved, path);
        };
    }

    /// <summary>Copies a file or folder of the site outside it and puts a link to the copy at <paramref name="at"/> (default: in its place).</summary>
    private static Action LinkOut(PublishedSite s, string relative, string? at = null)
    {
        var source = s.Site.PathOf(relative);
        var copy = Path.Combine(s.Outside, Guid.NewGuid().ToString("N")[..8] + Path.GetExtension(relative));
        if (Directory.Exists(source)) TempSite.CopyDirectory(source, copy);
        else File.Copy(source, copy);
        return Link(s, at ?? relative, copy);
    }

    /// <summary>The 党政机关网站标识 set to an image in a folder that is neither input/ nor theme/, linked to a folder elsewhere on the server.</summary>
    private static Action MarkInLinkedFolder(PublishedSite s)
    {
        File.WriteAllBytes(Path.Combine(s.Outside, "dzjg.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Directory.CreateSymbolicLink(s.Site.PathOf("marks"), s.Outside);
        var undo = Edit(s, "statiq.json", "\"partyGovernmentMark\": { \"image\": \"\", \"link\": \"\" }",
            "\"partyGovernmentMark\": { \"image\": \"marks/dzjg.png\", \"link\": \"https://bszs.conac.cn/sitename?method=show&id=0\" }");
        return () =>
        {
            undo();
            Directory.Delete(s.Site.PathOf("marks"));
        };
    }

    /// <summary>A file of <paramref name="bytes"/> that takes no disk space.</summary>
    private static Action Sparse(PublishedSite s, string relative, long bytes)
    {
        using (var file = File.Create(s.Site.PathOf(relative))) file.SetLength(bytes);
        return () => File.Delete(s.Site.PathOf(relative));
    }

    private static Action Edit(PublishedSite s, string relative, string find, string replace)
    {
        var original = File.ReadAllBytes(s.Site.PathOf(relative));
        s.Site.Edit(relative, find, replace);
        return () => File.WriteAllBytes(s.Site.PathOf(relative), original);
    }

    private static Action Append(PublishedSite s, string relative, string text)
    {
        var original = File.ReadAllBytes(s.Site.PathOf(relative));
        File.AppendAllText(s.Site.PathOf(relative), text);
        return () => File.WriteAllBytes(s.Site.PathOf(relative), original);
    }

    private static int LineOf(PublishedSite s, string relative, string text) =>
        File.ReadAllLines(s.Site.PathOf(relative)).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
