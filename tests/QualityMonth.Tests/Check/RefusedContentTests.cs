using System.Text;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// What the build refuses from content (docs/check.md, "What the build refuses"): markup and links that could run in
/// a visitor's browser, text that is not UTF-8 or holds control characters, YAML aliases, nesting that would exhaust
/// the stack. Each case is one bad file in a copy of the real site: the build names the file and line with the
/// documented code, exits 1 without a stack trace, and leaves the previous output exactly as it was.
/// </summary>
public sealed class RefusedContentTests(RefusedContentSite site) : IClassFixture<RefusedContentSite>
{
    private const string Notice = "input/2024/notices/provincial.md";
    private const string Activities = "input/2024/activities/fuzhou.yml";
    private const string LaunchTitle = "    title: 举办“加强质量支撑 共建质量强国”2024年福州“质量月”启动仪式\n";

    /// <summary>A bad file: which, how it is made from the real one, the line (marked by a text on it), the code and message.</summary>
    public sealed record Case(string File, Func<byte[], byte[]> Make, string LineMarker, string Code, string Message);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["script"] = InNotice("<script>alert(document.cookie)</script>", "<script>", "raw-html", "the HTML '<script>' is not allowed in content"),
        ["img onerror"] = InNotice("见图 <img src=x onerror=alert(1)> 所示", "onerror", "raw-html", "the HTML '<img src=x onerror=alert(1)>' is not allowed"),
        ["svg onload"] = InNotice("<svg onload=alert(1)>", "<svg", "raw-html", "the HTML '<svg onload=alert(1)>' is not allowed"),
        ["iframe"] = InNotice("<iframe src=\"https://example.com/\"></iframe>", "<iframe", "raw-html", "the HTML '<iframe src=\"https://example.com/\">' is not allowed"),
        ["form posting elsewhere"] = InNotice("<form action=\"https://example.com/collect\" method=post>\n<input name=id>\n</form>", "<form", "raw-html",
            "the HTML '<form action=\"https://example.com/collect\" method=post>' is not allowed"),
        ["meta refresh"] = InNotice("<meta http-equiv=\"refresh\" content=\"0;url=https://example.com/\">", "http-equiv", "raw-html",
            "the HTML '<meta http-equiv=\"refresh\" content=\"0;url=https://example.com/\">' is not allowed"),
        ["style url(javascript:)"] = InNotice("注意 <span style=\"background:url(javascript:alert(1))\">事项</span>", "style=", "raw-html",
            "the HTML '<span style=\"background:url(javascript:alert(1))\">' is not allowed"),
        ["sup with an attribute"] = InNotice("m<sup onclick=\"alert(1)\">2</sup>", "<sup", "raw-html", "the HTML '<sup onclick=\"alert(1)\">' is not allowed"),
        ["javascript link"] = InNotice("[详情](javascript:alert(1))", "[详情]", "unsafe-link", "the link 'javascript:alert(1)' starts with 'javascript:'"),
        ["javascript link in mixed case with an entity"] = InNotice("[详情](JaVaScRiPt&#58;alert(1))", "[详情]", "unsafe-link", "starts with 'javascript:'"),
        ["javascript link split by a tab entity"] = InNotice("[详情](java&#9;script:alert(1))", "[详情]", "unsafe-link", "starts with 'javascript:'"),
        ["javascript autolink"] = InNotice("<javascript:alert(1)>", "<javascript", "unsafe-link", "the link 'javascript:alert(1)' starts with 'javascript:'"),
        ["vbscript link"] = InNotice("[详情]( vbscript:msgbox(1) )", "[详情]", "unsafe-link", "starts with 'vbscript:'"),
        ["data link"] = InNotice("[详情](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[详情]", "unsafe-link", "starts with 'data:'"),
        ["reference-style javascript link"] = InNotice("[详情][x]\n\n[x]: javascript:alert(1)", "[详情]", "unsafe-link", "starts with 'javascript:'"),
        ["link text showing another address"] = InNotice("[www.fujian.gov.cn](https://example.com/login)", "[www.fujian", "misleading-link",
            "the link's text shows the address 'www.fujian.gov.cn' but it leads to 'https://example.com/login'"),
        ["U+0001 in a YAML title"] = InActivities(LaunchTitle.Replace("启动仪式", "启动\u0001仪式"), "启动", "control-character", "the invisible control character U+0001"),
        ["U+0008 in a YAML title"] = InActivities(LaunchTitle.Replace("启动仪式", "启动\b仪式"), "启动", "control-character", "the invisible control character U+0008"),
        ["U+000B from Word in a YAML title"] = InActivities(LaunchTitle.Replace("启动仪式", "启动\v仪式"), "启动", "control-character", "U+000B, Word's manual line break"),
        ["U+FFFE in a YAML title"] = InActivities(LaunchTitle.Replace("启动仪式", "启动\uFFFE仪式"), "启动", "control-character", "the invisible control character U+FFFE"),
        ["a YAML escape making U+0001"] = InActivities("    title: \"举办启动\\x01仪式\"\n", "启动", "control-character", "the invisible control character U+0001"),
        ["U+000B in Markdown"] = InNotice("质量\v月", "质量\v月", "control-character", "U+000B, Word's manual line break"),
        ["an entity making U+000B in Markdown"] = InNotice("质量&#11;月", "质量&#11;月", "control-character", "U+000B"),
        ["bytes that are not UTF-8"] = new(Activities, bytes => Replace(bytes, Encoding.UTF8.GetBytes("启动仪式"), [0xC6, 0xF4, 0xB6, 0xAF]),
            "    title: 举办“加强质量支撑", "invalid-utf8", "are not UTF-8 text"),
        ["'>' nested 20,000 deep"] = InNotice(new string('>', 20_000) + " 引文", ">>>>", "nesting-too-deep", "the Markdown is nested too deeply"),
        ["'- ' nested 20,000 deep"] = InNotice(string.Concat(Enumerable.Repeat("- ", 20_000)) + "列表", "- - - -", "nesting-too-deep", "the Markdown is nested too deeply"),
        ["billion laughs under a placeholder"] = new(Activities, bytes => Append(bytes,
            "lol1: &a [【待填写】, 【待填写】, 【待填写】, 【待填写】, 【待填写】, 【待填写】, 【待填写】, 【待填写】, 【待填写】]\n" +
            string.Concat(Enumerable.Range(2, 9).Select(i => $"lol{i}: &{(char)('a' + i - 1)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 2)}", 9))}]\n"))),
            "lol1:", "yaml-alias", "the YAML anchor or alias '&a' (& or *) is not allowed"),
        ["YAML nested 20,000 deep"] = new(Activities, bytes => Append(bytes, "deep: " + new string('[', 20_000) + new string(']', 20_000) + "\n"),
            "deep:", "nesting-too-deep", "YAML lists or mappings are nested more than 32 levels deep"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_build_refuses_it_at_its_file_and_line_and_keeps_the_previous_output(string name)
    {
        var (file, make, marker, code, message) = Cases[name];
        var bad = make(site.Read(file));
        var result = site.BuildWith(file, bad);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}:\n{result.All}");
        var line = RefusedContentSite.LineOf(bad, marker);
        var errors = result.Stderr.Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count > 0 && errors[0].Contains(message, StringComparison.Ordinal)
                    && errors.All(l => l.StartsWith($"{file}:{line}: error: ", StringComparison.Ordinal) && l.EndsWith($"[{code}]", StringComparison.Ordinal)),
            $"expected '{file}:{line}: error: …{message}… [{code}]' and no other error (a closing tag may have its own), got:\n{result.Stderr}");
        Assert.DoesNotContain("   at ", result.All);
        Assert.DoesNotContain("internal error", result.All);
        Assert.Equal(site.Output, site.Snapshot());
    }

    [Fact]
    public void Sup_sub_and_br_without_attributes_are_published() =>
        Assert.Contains("H<sub>2</sub>O，面积 100 m<sup>2</sup>，<br>换行。",
            NoticePageWith("水的化学式是 H<sub>2</sub>O，面积 100 m<sup>2</sup>，<br>换行。"));

    [Fact]
    public void Http_mailto_tel_and_site_links_and_addresses_shown_as_they_lead_are_published()
    {
        var html = NoticePageWith("[门户](https://www.fujian.gov.cn/) [邮件](mailto:zly@example.gov.cn) [电话](tel:0591-87000000) [口号](/2024/slogans/) " +
                                  "[fujian.gov.cn](https://www.fujian.gov.cn/zwgk/) <https://www.samr.gov.cn/>");
        foreach (var href in new[] { "https://www.fujian.gov.cn/", "mailto:zly@example.gov.cn", "tel:0591-87000000", "/2024/slogans/", "https://www.fujian.gov.cn/zwgk/", "https://www.samr.gov.cn/" })
            Assert.Contains($"href=\"{href}\"", html);
    }

    /// <summary>YAML texts reach pages through the theme's encoding: markup in a title is shown as text, never parsed.</summary>
    [Fact]
    public void Html_in_a_yaml_title_is_shown_as_text()
    {
        const string hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        using var output = new TempFolder();
        var result = site.BuildWith(Activities, Replace(site.Read(Activities), Encoding.UTF8.GetBytes(LaunchTitle), Encoding.UTF8.GetBytes($"    title: '{hostile}'\n")),
            "--output", output.Path);
        Assert.True(result.ExitCode == 0, result.All);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            File.ReadAllText(System.IO.Path.Combine(output.Path, "activities", "2024", "fuzhou", "launch-ceremony", "index.html")));
        Assert.Contains(hostile, page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain(page.QuerySelectorAll("script:not([type='application/ld+json'])"), s => s.TextContent.Contains("alert(2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_reports_the_same_refusal_in_chinese()
    {
        var original = site.Read(Notice);
        var bad = Insert(original, "<script>alert(1)</script>");
        File.WriteAllBytes(site.Site.PathOf(Notice), bad);
        try
        {
            var check = Generator.Run("check", "--root", site.Site.Root, "--format", "lines", "--lang", "zh");
            Assert.Equal(1, check.ExitCode);
            Assert.Contains($"{Notice}:{RefusedContentSite.LineOf(bad, "<script>")}: error: 正文中不能写 HTML“<script>”", check.Stderr);
        }
        finally
        {
            File.WriteAllBytes(site.Site.PathOf(Notice), original);
        }
    }

    /// <summary>The 2024 notice's page built (into a folder of its own) with <paramref name="markdown"/> added to its text.</summary>
    private string NoticePageWith(string markdown)
    {
        using var output = new TempFolder();
        var result = site.BuildWith(Notice, Insert(site.Read(Notice), markdown), "--output", output.Path);
        Assert.True(result.ExitCode == 0, result.All);
        return File.ReadAllText(System.IO.Path.Combine(output.Path, "2024", "notices", "provincial", "index.html"));
    }

    /// <summary>A folder name in the temp folder for one build's output, deleted afterwards.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qm-refused-" + Guid.NewGuid().ToString("N")[..12]);

        public void Dispose()
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
    }

    private static Case InNotice(string markdown, string marker, string code, string message) =>
        new(Notice, bytes => Insert(bytes, markdown), marker, code, message);

    private static Case InActivities(string titleLine, string marker, string code, string message) =>
        new(Activities, bytes => Replace(bytes, Encoding.UTF8.GetBytes(LaunchTitle), Encoding.UTF8.GetBytes(titleLine)), marker, code, message);

    /// <summary>The notice with a paragraph of <paramref name="markdown"/> at the start of its text, after the front matter.</summary>
    private static byte[] Insert(byte[] notice, string markdown)
    {
        var text = Encoding.UTF8.GetString(notice);
        var bodyStart = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + "\n---\n".Length;
        return Encoding.UTF8.GetBytes(text[..bodyStart] + "\n" + markdown + "\n\n" + text[bodyStart..]);
    }

    private static byte[] Append(byte[] bytes, string text) => [.. bytes, .. Encoding.UTF8.GetBytes(text)];

    private static byte[] Replace(byte[] bytes, byte[] find, byte[] replacement)
    {
        var at = bytes.AsSpan().IndexOf(find);
        if (at < 0) throw new InvalidOperationException("the text to replace is not in the file");
        return [.. bytes[..at], .. replacement, .. bytes[(at + find.Length)..]];
    }
}
