using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Config;

/// <summary>Reads <c>statiq.json</c>: unknown keys, missing keys and invalid values are errors naming the key.</summary>
public static partial class SettingsLoader
{
    public const string FileName = "statiq.json";

    // The site's own words (the theme's, the feeds', the reports') are written in these languages only.
    public static readonly IReadOnlySet<string> SupportedLanguages = Locales.All.Select(Locales.Code).ToHashSet();

    /// <summary>
    /// How statiq.json is read, generated at compile time: reflection-based serialization first emitted and
    /// JIT-compiled its readers on every start (docs/benchmarks.md, Start-up).
    /// </summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A key written twice would otherwise silently take its last value.
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true)]
    [JsonSerializable(typeof(RawSettings))]
    private sealed partial class SettingsJson : JsonSerializerContext;

    /// <param name="overrides">Values given on the command line in place of the file's (see <see cref="SettingsOverrides"/>).</param>
    public static SiteSettings? Load(string siteRoot, DiagnosticBag diagnostics, SettingsOverrides? overrides = null)
    {
        overrides ??= SettingsOverrides.None;
        var path = Path.Combine(siteRoot, FileName);
        if (!File.Exists(path))
        {
            diagnostics.Error(FileName, 0, SettingsMessages.FileNotFound());
            return null;
        }
        if (new FileInfo(path).LinkTarget is { } target)
        {
            diagnostics.Error(FileName, 0, Content.SiteMessages.SymbolicLink(target));
            return null;
        }
        // Read like every content file: bytes that are not UTF-8 and control characters are reported with their line.
        var json = Content.ContentText.Read(new Content.ContentFile(FileName, path, diagnostics));
        RawSettings raw;
        try
        {
            raw = JsonSerializer.Deserialize(json, SettingsJson.Default.RawSettings)
                  ?? throw new JsonException("the file is empty");
        }
        catch (JsonException e)
        {
            diagnostics.Error(FileName, (int)(e.LineNumber ?? -1) + 1, Explain(e), e.BytePositionInLine is { } column ? (int)column + 1 : 0);
            return null;
        }
        ReportEscapedControlCharacters(json, diagnostics);
        raw = raw with { BaseUrl = overrides.BaseUrl ?? raw.BaseUrl, BasePath = overrides.BasePath ?? raw.BasePath };
        return Validate(raw, json, siteRoot, diagnostics, overrides);
    }

    /// <summary>
    /// Reports each string holding a control character written as an escape (<c>"A\u0001B"</c>, <c>"\uFFFE"</c>), by the
    /// rule <see cref="Content.ContentText"/> applies to the characters themselves: the escape reads as the character.
    /// </summary>
    private static void ReportEscapedControlCharacters(string json, DiagnosticBag diagnostics)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            var value = reader.GetString()!;
            var at = Content.ContentText.IndexOfForbidden(value);
            if (at < 0) continue;
            var start = (int)reader.TokenStartIndex;
            var lineStart = bytes.AsSpan(0, start).LastIndexOf((byte)'\n') + 1;
            var line = bytes.AsSpan(0, lineStart).Count((byte)'\n') + 1;
            diagnostics.Error(FileName, line, Content.ContentText.Message(value[at]), System.Text.Encoding.UTF8.GetCharCount(bytes.AsSpan(lineStart, start - lineStart)) + 1);
        }
    }

    private static Message Explain(JsonException e)
    {
        var unknown = UnknownPropertyPattern().Match(e.Message);
        if (unknown.Success)
            return SettingsMessages.UnknownKey(unknown.Groups[1].Value, e.Path ?? "$");
        var duplicate = DuplicatePropertyPattern().Match(e.Message);
        if (duplicate.Success)
            return SettingsMessages.DuplicateKey(duplicate.Groups[1].Value, e.Path ?? "$");
        var missing = MissingPropertiesPattern().Match(e.Message);
        if (missing.Success)
            return SettingsMessages.MissingKeys(missing.Groups[1].Value, e.Path ?? "$");
        return SettingsMessages.InvalidJson(e.Message);
    }

    private static SiteSettings? Validate(RawSettings raw, string json, string siteRoot, DiagnosticBag diagnostics, SettingsOverrides overrides)
    {
        var errors = 0;
        void Fail(string key, Message message)
        {
            if (overrides.OptionFor(key) is { } option)
                diagnostics.Error(FileName, 0, SettingsMessages.GivenByOption(option, message));
            else
            {
                var (line, column) = PositionOf(json, key);
                diagnostics.Error(FileName, line, message, column);
            }
            errors++;
        }

        var languages = new List<Language>();
        foreach (var l in raw.Languages)
        {
            if (!SupportedLanguages.Contains(l.Code))
                Fail("languages", SettingsMessages.UnsupportedLanguage(l.Code, string.Join(", ", SupportedLanguages)));
            else if (languages.Any(x => x.Code == l.Code || x.Prefix == l.Prefix))
                Fail("languages", SettingsMessages.LanguageTwice(l.Code, l.Prefix));
            else if (l.Prefix.Length > 0 && !SlugPattern().IsMatch(l.Prefix))
                Fail("languages", SettingsMessages.BadPrefix(l.Prefix));
            else
                languages.Add(new Language(l.Code, l.Prefix, l.Name));
        }
        if (languages.Count > 0 && (languages[0].Code != Language.DefaultCode || !languages[0].IsDefault))
            Fail("languages", SettingsMessages.FirstLanguage(Language.DefaultCode));
        if (languages.Skip(1).Any(l => l.IsDefault))
            Fail("languages", SettingsMessages.OnlyFirstAtRoot());

        if (BaseUrlProblem(raw.BaseUrl) is { } urlProblem)
            Fail("baseUrl", urlProblem);

        if (BasePathProblem(raw.BasePath) is { } pathProblem)
            Fail("basePath", pathProblem);
        var basePath = raw.BasePath.TrimEnd('/');

        if (raw.CurrentYear is < 1978 or > 2100)
            Fail("currentYear", SettingsMessages.ImplausibleYear(raw.CurrentYear));

        var title = ToText(raw.Title, "title", Fail);
        var sponsor = ToText(raw.Footer.Sponsor, "sponsor", Fail);
        var contact = raw.Footer.Contact is null ? null : ToText(raw.Footer.Contact, "contact", Fail);

        var mark = raw.Footer.PartyGovernmentMark;
        foreach (var (key, value) in new[]
        {
            ("siteIdCode", raw.Footer.SiteIdCode), ("icpRecord", raw.Footer.IcpRecord), ("publicSecurityRecord", raw.Footer.PublicSecurityRecord),
            ("partyGovernmentMark", mark?.Image + mark?.Link), ("errorReport", raw.Footer.ErrorReport),
        })
            if (string.IsNullOrWhiteSpace(value))
            {
                var (line, column) = PositionOf(json, "footer");
                diagnostics.Warning(FileName, line, SettingsMessages.FooterItemMissing(key), column);
            }
        var publicSecurityRecord = ToPublicSecurityRecord(raw.Footer.PublicSecurityRecord, Fail);
        var partyGovernmentMark = ToPartyGovernmentMark(siteRoot, mark, Fail);
        var errorReport = ToErrorReport(raw.Footer.ErrorReport, raw.Footer.SiteIdCode, Fail);

        var photos = raw.Photos is null ? PhotoSettings.Default : ToPhotoSettings(raw.Photos, Fail);
        var subject = raw.Disclosure is null ? null : ToText(raw.Disclosure.Subject, "subject", Fail);

        var messages = raw.Messages is null ? null : Locales.Find(raw.Messages);
        if (raw.Messages is not null && messages is null)
            Fail("messages", SettingsMessages.BadMessagesLanguage(raw.Messages));

        if (errors > 0 || title is null || sponsor is null || photos is null)
            return null;
        return new SiteSettings(title, new Uri(raw.BaseUrl), basePath, languages, raw.CurrentYear,
            new Footer(sponsor, contact, Blank(raw.Footer.SiteIdCode), Blank(raw.Footer.IcpRecord), publicSecurityRecord, partyGovernmentMark, errorReport),
            photos, new DisclosureSettings(subject), messages);
    }

    /// <summary>Why <paramref name="value"/> cannot be the <c>baseUrl</c>, or null when it can.</summary>
    public static Message? BaseUrlProblem(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0
            ? null
            : SettingsMessages.BadBaseUrl(value);

    /// <summary>Why <paramref name="value"/> cannot be the <c>basePath</c>, or null when it can.</summary>
    public static Message? BasePathProblem(string value) =>
        value.StartsWith('/') && BasePathPattern().IsMatch(value.TrimEnd('/')) && !value.Split('/').Any(segment => segment.Length > 0 && segment.All(c => c == '.'))
            ? null
            : SettingsMessages.BadBasePath(value);

    private static PhotoSettings? ToPhotoSettings(RawPhotos raw, Action<string, Message> fail)
    {
        var defaults = PhotoSettings.Default;
        var ok = true;
        void Fail(string key, Message message) { fail(key, message); ok = false; }

        var widths = raw.Widths ?? [.. defaults.Widths];
        if (widths.Count == 0 || widths.Any(w => w is < PhotoSettings.MinWidthSetting or > PhotoSettings.MaxWidthSetting) || !widths.SequenceEqual(widths.Distinct().Order()))
            Fail("widths", SettingsMessages.BadWidths(PhotoSettings.MinWidthSetting, PhotoSettings.MaxWidthSetting));
        else if (widths.Count > PhotoSettings.MaxWidths)
            Fail("widths", SettingsMessages.TooManyWidths(widths.Count, PhotoSettings.MaxWidths));

        var formats = new List<PhotoFormat>();
        foreach (var name in raw.Formats ?? ["avif", "webp", "jpeg"])
            if (Enum.TryParse<PhotoFormat>(name, ignoreCase: true, out var format) && name == name.ToLowerInvariant() && !formats.Contains(format))
                formats.Add(format);
            else
                Fail("formats", SettingsMessages.UnknownFormat(name));
        if (!formats.Contains(PhotoFormat.Jpeg))
            Fail("formats", SettingsMessages.JpegRequired());

        var quality = new Dictionary<PhotoFormat, int>(defaults.Quality);
        foreach (var (name, value) in raw.Quality ?? [])
            if (!Enum.TryParse<PhotoFormat>(name, ignoreCase: true, out var format))
                Fail("quality", SettingsMessages.QualityUnknownFormat(name));
            else if (value is < 1 or > 100)
                Fail("quality", SettingsMessages.QualityOutOfRange(name, value));
            else
                quality[format] = value;

        var fullSizeQuality = raw.FullSizeQuality ?? defaults.FullSizeQuality;
        if (fullSizeQuality is < 1 or > 100)
            Fail("fullSizeQuality", SettingsMessages.FullSizeQualityOutOfRange(fullSizeQuality));
        var maxPixels = raw.MaxPixels ?? defaults.MaxPixels;
        if (maxPixels < 1_000_000)
            Fail("maxPixels", SettingsMessages.MaxPixelsTooSmall(maxPixels));

        var policies = new Dictionary<PhotoRule, RulePolicy>(defaults.Policies);
        foreach (var (name, value) in raw.Rules ?? [])
        {
            if (!Enum.TryParse<PhotoRule>(name, ignoreCase: true, out var rule) || char.IsUpper(name[0]))
                Fail("rules", SettingsMessages.UnknownRule(name, string.Join(", ", Enum.GetNames<PhotoRule>().Select(JsonNamingPolicy.CamelCase.ConvertName))));
            else if (value is not ("error" or "warning"))
                Fail("rules", SettingsMessages.BadRulePolicy(name, value));
            else
                policies[rule] = value == "error" ? RulePolicy.Error : RulePolicy.Warning;
        }
        return ok
            ? new PhotoSettings(widths, formats, quality, fullSizeQuality, maxPixels,
                raw.MinWidth ?? defaults.MinWidth, raw.MinHeight ?? defaults.MinHeight, raw.MaxPerActivity ?? defaults.MaxPerActivity, policies)
            : null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>闽公网安备 35010202000001号: the form the 公安 filing gives, whose 14 digits are the record code its link needs.</summary>
    private static PublicSecurityRecord? ToPublicSecurityRecord(string? value, Action<string, Message> fail)
    {
        if (Blank(value) is not { } text) return null;
        var match = PublicSecurityRecordPattern().Match(text);
        if (match.Success) return new PublicSecurityRecord(text.Trim(), match.Groups["code"].Value);
        fail("publicSecurityRecord", SettingsMessages.BadPublicSecurityRecord(text));
        return null;
    }

    // The image formats browsers show in <img>, by their first bytes. Not SVG: opened on its own, an SVG file runs its scripts.
    private static readonly (string Extension, byte[] Signature)[] MarkImageFormats =
    [
        (".png", [0x89, (byte)'P', (byte)'N', (byte)'G']),
        (".gif", "GIF8"u8.ToArray()),
        (".jpg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    private const int MaxMarkImageBytes = 512 * 1024;

    /// <summary>The 党政机关网站标识: an image file inside the site folder and the registration page it links to, both or neither.</summary>
    private static PartyGovernmentMark? ToPartyGovernmentMark(string siteRoot, RawMark? raw, Action<string, Message> fail)
    {
        var image = Blank(raw?.Image);
        var link = Blank(raw?.Link);
        if (image is null && link is null) return null;
        if (image is null || link is null)
        {
            fail("partyGovernmentMark", SettingsMessages.MarkIncomplete());
            return null;
        }
        Uri? linkUri = null;
        if (!IsWebAddress(link, out linkUri))
            fail("partyGovernmentMark", SettingsMessages.BadAddress("footer.partyGovernmentMark.link", link));

        var root = Path.GetFullPath(siteRoot);
        var file = Path.GetFullPath(Path.Combine(root, image));
        var format = MarkImageFormats.FirstOrDefault(f => file.EndsWith(f.Extension, StringComparison.OrdinalIgnoreCase));
        var inside = !Path.IsPathRooted(image) && file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        // Outside input/ and theme/ no scan has refused links: one here would publish a file from elsewhere on the server.
        if (inside && Content.SiteTree.LinkOnPath(root, file) is { } linked)
            fail("partyGovernmentMark", SettingsMessages.MarkImageLinked(image, Path.GetRelativePath(root, linked.FullName).Replace('\\', '/'), linked.LinkTarget!));
        else if (!inside || !File.Exists(file))
            fail("partyGovernmentMark", SettingsMessages.MarkImageMissing(image));
        else if (format.Signature is null || new FileInfo(file).Length > MaxMarkImageBytes || !StartsWith(file, format.Signature))
            fail("partyGovernmentMark", SettingsMessages.MarkImageNotAnImage(image, MaxMarkImageBytes / 1024));
        else if (linkUri is not null)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))[..10];
            return new PartyGovernmentMark(file, $"/assets/party-government-mark.{hash}{format.Extension}", linkUri);
        }
        return null;
    }

    private static bool StartsWith(string file, byte[] signature)
    {
        using var stream = File.OpenRead(file);
        var head = new byte[signature.Length];
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(signature);
    }

    /// <summary>我为政府网站找错: the platform's address; each page's link adds the site's 网站标识码, so it needs one.</summary>
    private static Uri? ToErrorReport(string? value, string? siteIdCode, Action<string, Message> fail)
    {
        if (Blank(value) is not { } address) return null;
        if (!IsWebAddress(address, out var uri))
            fail("errorReport", SettingsMessages.BadAddress("footer.errorReport", address));
        else if (Blank(siteIdCode) is null)
            fail("errorReport", SettingsMessages.ErrorReportNeedsSiteId());
        else
            return uri;
        return null;
    }

    private static bool IsWebAddress(string value, out Uri? uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri) && uri.Scheme is "https" or "http";

    private static LocalizedText? ToText(Dictionary<string, string> values, string key, Action<string, Message> fail)
    {
        if (!values.TryGetValue(Language.DefaultCode, out var original) || string.IsNullOrWhiteSpace(original))
        {
            fail(key, SettingsMessages.NeedsChinese(key, Language.DefaultCode));
            return null;
        }
        foreach (var code in values.Keys.Where(k => !SupportedLanguages.Contains(k)))
            fail(key, SettingsMessages.UnknownLanguage(key, code));
        return new LocalizedText(original, values.Where(kv => kv.Key != Language.DefaultCode).ToDictionary());
    }

    /// <summary>The 1-based line and column where <paramref name="key"/> first appears as a JSON key (0, 0 when it does not).</summary>
    private static (int Line, int Column) PositionOf(string json, string key)
    {
        var index = json.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        if (index < 0) return (0, 0);
        var lineStart = json.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (json.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownPropertyPattern();

    [GeneratedRegex("Duplicate property '([^']+)' encountered")]
    private static partial Regex DuplicatePropertyPattern();

    [GeneratedRegex("missing required properties including: (.+)\\.")]
    private static partial Regex MissingPropertiesPattern();

    [GeneratedRegex(@"^\s*\p{IsCJKUnifiedIdeographs}公网安备\s*(?<code>\d{14})\s*号\s*$")]
    private static partial Regex PublicSecurityRecordPattern();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex SlugPattern();

    // Letters of either case: a host may keep a name's case in its URL (GitHub Pages: /<Repository>/).
    [GeneratedRegex("^(/[A-Za-z0-9._-]+)*$")]
    private static partial Regex BasePathPattern();

    private sealed record RawSettings
    {
        public required Dictionary<string, string> Title { get; init; }
        public required string BaseUrl { get; init; }
        public required string BasePath { get; init; }
        public required List<RawLanguage> Languages { get; init; }
        public required int CurrentYear { get; init; }
        public required RawFooter Footer { get; init; }
        public RawPhotos? Photos { get; init; }
        public RawDisclosure? Disclosure { get; init; }
        public string? Messages { get; init; }
    }

    private sealed record RawDisclosure
    {
        public required Dictionary<string, string> Subject { get; init; }
    }

    private sealed record RawPhotos
    {
        public List<int>? Widths { get; init; }
        public List<string>? Formats { get; init; }
        public Dictionary<string, int>? Quality { get; init; }
        public int? FullSizeQuality { get; init; }
        public long? MaxPixels { get; init; }
        public int? MinWidth { get; init; }
        public int? MinHeight { get; init; }
        public int? MaxPerActivity { get; init; }
        public Dictionary<string, string>? Rules { get; init; }
    }

    private sealed record RawLanguage
    {
        public required string Code { get; init; }
        public required string Prefix { get; init; }
        public required string Name { get; init; }
    }

    private sealed record RawFooter
    {
        public required Dictionary<string, string> Sponsor { get; init; }
        public Dictionary<string, string>? Contact { get; init; }
        public string? SiteIdCode { get; init; }
        public string? IcpRecord { get; init; }
        public string? PublicSecurityRecord { get; init; }
        public RawMark? PartyGovernmentMark { get; init; }
        public string? ErrorReport { get; init; }
    }

    private sealed record RawMark
    {
        public string? Image { get; init; }
        public string? Link { get; init; }
    }
}
