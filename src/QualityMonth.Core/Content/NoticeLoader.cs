using System.Globalization;
using System.Text.RegularExpressions;
using QualityMonth.Markdown;
using QualityMonth.Model;

namespace QualityMonth.Content;

/// <summary>Reads one notice: <c>notices/&lt;slug&gt;.md</c> and its optional translations <c>&lt;slug&gt;.en.md</c>.</summary>
internal static partial class NoticeLoader
{
    /// <summary>The value staff write for a metadata field the document does not state.</summary>
    public const string NotStated = "无";

    private static readonly Dictionary<string, AttachmentKind> Kinds = new()
    {
        ["text"] = AttachmentKind.Text,
        ["slogans"] = AttachmentKind.Slogans,
        ["activities"] = AttachmentKind.Activities,
        ["notice"] = AttachmentKind.Notice,
        ["unavailable"] = AttachmentKind.Unavailable,
    };

    public static Notice? Load(int year, ContentFile file, IReadOnlyList<Language> languages, ICollection<ContentLink> links)
    {
        var slug = Path.GetFileNameWithoutExtension(file.FullPath);
        var markdown = NoticeMarkdown.Parse(ContentText.Read(file), file, links);
        if (markdown is null) return null;
        if (markdown.FrontMatter is null)
        {
            file.Error(1, NoticeMessages.NoFrontMatter());
            return null;
        }
        // Front matter alone publishes a notice page without its text: most likely the text was not pasted in yet.
        if (string.IsNullOrWhiteSpace(markdown.MainHtml) && markdown.Attachments.Count == 0)
            file.Diagnostics.Warning(file.Path, 0, NoticeMessages.NoText());
        var yamlFile = file with { LineOffset = markdown.FrontMatterLine };
        var record = YamlRecord.Load(markdown.FrontMatter, yamlFile, NoticeMessages.Metadata);
        if (record is null) return null;

        var title = record.Title("title", languages, required: true);
        var docNumber = record.RequiredString("doc_number");
        var issuer = record.Text("issuer", languages, required: true);
        var sealNote = record.Text("seal_note", languages, required: false);
        var letterhead = record.OptionalString("letterhead");
        var signature = record.OptionalString("signature");
        if (signature is not null && signature != NotStated)
            record.Error("signature", NoticeMessages.SignatureValue(signature, NotStated));
        var signatories = record.TextList("signatories", languages);
        if (signatories.Count > 0 && signature is not null)
            record.Error("signatories", NoticeMessages.SignatoriesWithoutSignature(NotStated));
        // A body signs once: a name printed twice is a conversion artefact.
        foreach (var repeated in signatories.GroupBy(s => s.Original).Where(g => g.Count() > 1))
            record.Error("signatories", NoticeMessages.SignatoryRepeated(repeated.Key));
        var dateOk = TryParseDate(record, "date", out var date);
        var disclosure = record.RequiredString("disclosure");
        var indexNumber = record.OptionalString("index_number");
        var publishedOk = TryParsePublished(record, out var published);
        var subject = record.Text("subject", languages, required: false);
        var attachmentRecords = record.RecordList("attachments", required: false);
        record.RejectUnknownKeys();

        var translations = LoadTranslations(file, slug, languages, links);
        var attachments = new List<Attachment>();
        foreach (var (item, index) in attachmentRecords.Select((r, i) => (r, i + 1)))
        {
            var attachment = LoadAttachment(file, item, index, markdown, translations, languages);
            if (attachment is not null) attachments.Add(attachment);
        }
        foreach (var (number, section) in markdown.Attachments.Where(s => attachments.All(a => a.Number != s.Key || a.Kind != AttachmentKind.Text)))
            file.Error(section.Line, NoticeMessages.SectionNotText(number));

        if (published is { } p && date is { } written && p.Date < written)
        {
            record.Error("published", NoticeMessages.PublishedBeforeWritten(p.Date, written));
            publishedOk = false;
        }
        if (title is null || docNumber is null || issuer is null || disclosure is null || !dateOk || !publishedOk)
            return null;
        return new Notice(year, slug, title, docNumber == NotStated ? null : docNumber, issuer, sealNote,
            letterhead, signature is null, signatories, date, disclosure == NotStated ? null : disclosure, indexNumber, published, subject,
            Body(markdown.MainHtml, translations, t => t.MainHtml),
            attachments, record.Location);
    }

    private static Attachment? LoadAttachment(ContentFile file, YamlRecord item, int number, NoticeMarkdown markdown,
        IReadOnlyDictionary<string, Translation> translations, IReadOnlyList<Language> languages)
    {
        var title = item.Title("title", languages, required: true);
        var shows = item.RequiredString("shows");
        var noticeSlug = item.OptionalString("notice");
        item.RejectUnknownKeys();
        if (title is null || shows is null) return null;
        if (!Kinds.TryGetValue(shows, out var kind))
        {
            item.Error("shows", NoticeMessages.UnknownShows(shows, string.Join(", ", Kinds.Keys)));
            return null;
        }
        if ((kind == AttachmentKind.Notice) != (noticeSlug is not null))
            item.Error(kind == AttachmentKind.Notice ? null : "notice",
                kind == AttachmentKind.Notice ? NoticeMessages.ForwardedNoticeMissing() : NoticeMessages.NoticeWithoutForward());
        MarkdownBody? text = null;
        if (kind == AttachmentKind.Text)
        {
            if (markdown.Attachments.TryGetValue(number, out var section))
            {
                text = Body(section.Html, translations, t => t.Attachments.GetValueOrDefault(number)?.Html);
                if (RepeatsTitle(section.Html, title.Original))
                    file.Error(section.Line, NoticeMessages.AttachmentTitleRepeated(number));
                // The English page prints title_en above the English text: the same rule, at the translation's own line.
                foreach (var (code, translation) in translations)
                    if (translation.Markdown.Attachments.GetValueOrDefault(number) is { } translated
                        && title.Translation(code) is var (translatedTitle, _) && RepeatsTitle(translated.Html, translatedTitle))
                        translation.File.Error(translated.Line, NoticeMessages.AttachmentTitleRepeated(number));
            }
            else
                item.Error(null, NoticeMessages.TextSectionMissing(number));
        }
        return new Attachment(number, title, kind, noticeSlug, text, item.Location);
    }

    /// <summary>A notice's text in another language (<c>&lt;slug&gt;.en.md</c>) and its file, for messages at its lines.</summary>
    private sealed record Translation(NoticeMarkdown Markdown, ContentFile File);

    private static IReadOnlyDictionary<string, Translation> LoadTranslations(ContentFile file, string slug,
        IReadOnlyList<Language> languages, ICollection<ContentLink> links)
    {
        var result = new Dictionary<string, Translation>();
        foreach (var language in languages.Where(l => !l.IsDefault))
        {
            var path = Path.Combine(Path.GetDirectoryName(file.FullPath)!, $"{slug}.{language.Code.ToLowerInvariant()}.md");
            if (!File.Exists(path)) continue;
            var translationFile = file with { Path = Path.GetDirectoryName(file.Path)!.Replace('\\', '/') + "/" + Path.GetFileName(path), FullPath = path };
            var translated = NoticeMarkdown.Parse(ContentText.Read(translationFile), translationFile, links);
            if (translated is null) continue;
            if (translated.FrontMatter is not null)
                translationFile.Error(1, NoticeMessages.TranslationHasFrontMatter());
            result[language.Code] = new Translation(translated, translationFile);
        }
        return result;
    }

    private static MarkdownBody Body(string originalHtml, IReadOnlyDictionary<string, Translation> translations,
        Func<NoticeMarkdown, string?> select) =>
        new(originalHtml, translations
            .Select(t => (t.Key, Html: select(t.Value.Markdown)))
            .Where(t => !string.IsNullOrWhiteSpace(t.Html))
            .ToDictionary(t => t.Key, t => t.Html!));

    /// <summary>
    /// The optional 发布日期: <c>YYYY-MM-DD</c>, or <c>YYYY-MM-DD HH:mm</c> when the portal shows the time.
    /// Absent means not known; there is no 无 here, because every published notice has a publication date.
    /// </summary>
    private static bool TryParsePublished(YamlRecord record, out PublicationTime? published)
    {
        published = null;
        var text = record.OptionalString("published");
        if (text is null) return true;
        var culture = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", culture, DateTimeStyles.None, out var day))
            published = new PublicationTime(day, null);
        else if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", culture, DateTimeStyles.None, out var moment))
            published = new PublicationTime(DateOnly.FromDateTime(moment), TimeOnly.FromDateTime(moment));
        else
        {
            record.Error("published", NoticeMessages.PublishedNotADate(text));
            return false;
        }
        return true;
    }

    /// <summary>A YYYY-MM-DD date, or <see cref="NotStated"/> (date stays null).</summary>
    private static bool TryParseDate(YamlRecord record, string key, out DateOnly? date)
    {
        date = null;
        var text = record.RequiredString(key);
        if (text is null) return false;
        if (text == NotStated) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        record.Error(key, NoticeMessages.NotADate(key, text, NotStated));
        return false;
    }

    /// <summary>Whether an attachment's text starts with a paragraph or heading that is its title (spacing and case aside).</summary>
    private static bool RepeatsTitle(string html, string title) =>
        string.Equals(HtmlText.Squeezed(FirstBlock().Match(html).Value), HtmlText.Squeezed(title), StringComparison.OrdinalIgnoreCase);

    /// <summary>The first paragraph or heading of a piece of HTML.</summary>
    [GeneratedRegex(@"^\s*<(p|h\d)[ >].*?</\1>", RegexOptions.Singleline)]
    private static partial Regex FirstBlock();
}
