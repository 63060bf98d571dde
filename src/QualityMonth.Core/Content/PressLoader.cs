using System.Net;
using System.Text.RegularExpressions;
using QualityMonth.Model;

namespace QualityMonth.Content;

/// <summary>
/// Reads <c>input/site/press.yml</c>: the contacts the notices publish. Every value staff copy from a
/// notice must be printed in that notice, so the press page can only show what the documents say.
/// </summary>
internal static partial class PressLoader
{
    public static IReadOnlyList<PressContact> Load(ContentFile file, IReadOnlyList<Language> languages, IReadOnlyList<CampaignYear> years)
    {
        var contacts = new List<PressContact>();
        foreach (var record in RegistryLoader.ReadList(file))
        {
            var reference = record.RequiredString("notice");
            var unit = record.Text("unit", languages, required: false);
            var person = record.Text("person", languages, required: false);
            var about = record.Text("about", languages, required: true);
            var phones = record.StringList("phone");
            var faxes = record.StringList("fax");
            var emails = record.StringList("email");
            var address = record.Text("address", languages, required: false);
            var postcode = record.OptionalString("postcode");
            record.RejectUnknownKeys();

            if (phones.Count + faxes.Count + emails.Count == 0 && address is null)
                record.Error(null, RegistryMessages.ContactWithoutMeans());
            foreach (var number in phones.Concat(faxes).Where(n => !PhoneNumber().IsMatch(n)))
                record.Error(phones.Contains(number) ? "phone" : "fax", RegistryMessages.NotAPhoneNumber(number));
            foreach (var email in emails.Where(e => !EmailAddress().IsMatch(e)))
                record.Error("email", RegistryMessages.NotAnEmail(email));
            if (postcode is not null && !Postcode().IsMatch(postcode))
                record.Error("postcode", RegistryMessages.NotAPostcode(postcode));

            if (reference is null || about is null) continue;
            var notice = FindNotice(record, reference, years);
            if (notice is null) continue;

            // Only what the document prints: each value must appear in the notice's text as written.
            var printed = PrintedText(notice);
            var copied = new List<(string Key, string? Value)> { ("unit", unit?.Original), ("person", person?.Original), ("address", address?.Original), ("postcode", postcode) };
            copied.AddRange(phones.Select(p => ("phone", (string?)p)));
            copied.AddRange(faxes.Select(f => ("fax", (string?)f)));
            copied.AddRange(emails.Select(e => ("email", (string?)e)));
            foreach (var (key, value) in copied.Where(c => c.Value is not null && !printed.Contains(Squeeze(c.Value), StringComparison.Ordinal)))
                record.Error(key, RegistryMessages.NotPrinted(value!, notice.Source.File));
            // A unit is the contact's only as printed with it: in the paragraph naming the person, else the one giving
            // the first number or address. A unit named elsewhere in the notice (where to send reports) is not the contact's.
            var contactLine = person?.Original ?? phones.Concat(faxes).Concat(emails).FirstOrDefault() ?? address?.Original;
            if (unit is not null && contactLine is not null && printed.Contains(Squeeze(unit.Original), StringComparison.Ordinal)
                && Paragraphs(notice).FirstOrDefault(p => p.Contains(Squeeze(contactLine), StringComparison.Ordinal)) is { } paragraph
                && !paragraph.Contains(Squeeze(unit.Original), StringComparison.Ordinal))
                record.Error("unit", RegistryMessages.UnitNotWithContact(unit.Original, contactLine));

            contacts.Add(new PressContact(notice.Year, notice.Slug, unit, person, about, phones, faxes, emails, address, postcode, record.Location));
        }
        return contacts;
    }

    /// <summary>The notice named as <c>&lt;year&gt;/&lt;slug&gt;</c>; reports a reference that does not resolve.</summary>
    private static Notice? FindNotice(YamlRecord record, string reference, IReadOnlyList<CampaignYear> years)
    {
        var match = NoticeReference().Match(reference);
        if (!match.Success)
        {
            record.Error("notice", RegistryMessages.BadNoticeReference(reference));
            return null;
        }
        var noticeFile = $"{ContentLoader.InputFolder}/{match.Groups[1].Value}/notices/{match.Groups[2].Value}.md";
        var notice = years.FirstOrDefault(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) == match.Groups[1].Value)
            ?.FindNotice(match.Groups[2].Value);
        // A notice that failed to load has its own errors: do not report the reference as well.
        if (notice is null && !record.File.Diagnostics.HasErrorsIn(noticeFile))
            record.Error("notice", RegistryMessages.NoSuchNotice(reference, noticeFile));
        return notice;
    }

    /// <summary>The notice's text (body and text attachments) without markup or white space.</summary>
    private static string PrintedText(Notice notice) => Plain(Html(notice));

    /// <summary>The notice's paragraphs (and other blocks), each as <see cref="PrintedText"/>.</summary>
    private static IEnumerable<string> Paragraphs(Notice notice) => BlockEnd().Split(Html(notice)).Select(Plain);

    private static string Html(Notice notice) => string.Concat(notice.Attachments.Select(a => a.Text?.OriginalHtml).Prepend(notice.Body.OriginalHtml));

    private static string Plain(string html) => Squeeze(WebUtility.HtmlDecode(Tag().Replace(html, "")));

    /// <summary>Removes white space, which Markdown line breaks and the source's spacing vary.</summary>
    private static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"^(\d{4})/([a-z0-9]+(?:-[a-z0-9]+)*)$")]
    private static partial Regex NoticeReference();

    [GeneratedRegex(@"^\d[\d-]{4,}\d$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex Postcode();

    [GeneratedRegex("</(?:p|li|h[1-6]|td|th|blockquote)>")]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
