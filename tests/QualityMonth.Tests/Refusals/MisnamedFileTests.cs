using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>Content the build would silently skip is named in a warning: files with the wrong extension, a notice without text.</summary>
public sealed class MisnamedFileTests
{
    [Fact]
    public void Misnamed_content_files_and_a_notice_without_text_are_warned_about_by_name()
    {
        using var site = new TempSite();
        var fuzhou = File.ReadAllText(site.PathOf("input/2024/activities/fuzhou.yml"));
        site.Write("input/2024/activities/fuzhou-extra.yaml", fuzhou);
        site.Write("input/2024/activities/putian-extra.YML", fuzhou);
        site.Write("input/2024/activities/notes.txt", fuzhou);
        site.Write("input/2024/notices/pasted.MD", "---\ntitle: x\n---\n");
        site.Write("input/2024/notices/from-word.md.txt", "---\ntitle: x\n---\n");
        site.Write("input/2025/year.yaml", "year: 2025\n");
        site.Write("input/2025/activities/market-regulation/notes.md", "photo notes, not content\n");
        var notice = site.PathOf("input/2023/notices/yongan.md");
        var text = File.ReadAllText(notice);
        File.WriteAllText(notice, text[..(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)]);

        var result = Generator.Run("check", "--root", site.Root);

        Assert.True(result.ExitCode == 0, result.All);
        string[] expected =
        [
            "input/2024/activities/fuzhou-extra.yaml: warning: 'fuzhou-extra.yaml' is not read, so not published: content files end in lowercase .yml (notices .md); if it is meant to be published, rename it to 'fuzhou-extra.yml' [misnamed-file]",
            "input/2024/activities/putian-extra.YML: warning: 'putian-extra.YML' is not read, so not published: content files end in lowercase .yml (notices .md); if it is meant to be published, rename it to 'putian-extra.yml' [misnamed-file]",
            "input/2024/activities/notes.txt: warning: 'notes.txt' is not read, so not published: content files end in lowercase .yml (notices .md); if it is meant to be published, rename it to 'notes.yml' [misnamed-file]",
            "input/2024/notices/pasted.MD: warning: 'pasted.MD' is not read, so not published: content files end in lowercase .yml (notices .md); if it is meant to be published, rename it to 'pasted.md' [misnamed-file]",
            "input/2024/notices/from-word.md.txt: warning: 'from-word.md.txt' is not read, so not published: content files end in lowercase .yml (notices .md); if it is meant to be published, rename it to 'from-word.md' [misnamed-file]",
            "input/2025/year.yaml: warning: 'year.yaml' is not read, so not published: content files end in lowercase .yml (notices .md); if it is meant to be published, rename it to 'year.yml' [misnamed-file]",
            "input/2023/notices/yongan.md: warning: the notice has front matter but no text: its page would be empty; paste the text after the closing --- [empty-notice]",
        ];
        var lines = result.Stderr.Split('\n');
        foreach (var line in expected)
            Assert.Contains(line, lines);
        Assert.Equal(expected.Length, lines.Count(l => l.EndsWith("[misnamed-file]", StringComparison.Ordinal) || l.EndsWith("[empty-notice]", StringComparison.Ordinal)));
    }
}
