using QualityMonth.Markdown;
using QualityMonth.Model;

namespace QualityMonth.Content;

/// <summary>Reads one campaign year folder: year.yml, notices/, slogans.yml, activities/.</summary>
internal sealed class YearLoader(string siteRoot, Diagnostics.DiagnosticBag diagnostics, IReadOnlyList<Language> languages,
    IReadOnlyList<ActivityKind> activityKinds, ICollection<ContentLink> links, ContentTexts texts)
{
    private static readonly Dictionary<string, SloganScope> Scopes = new()
    {
        ["provincial"] = SloganScope.Provincial,
        ["national"] = SloganScope.National,
        ["unlabelled"] = SloganScope.Unlabelled,
    };

    public CampaignYear? Load(string folder)
    {
        var folderYear = int.Parse(Path.GetFileName(folder));
        var yearFile = File(Path.Combine(folder, "year.yml"));
        if (!System.IO.File.Exists(yearFile.FullPath))
        {
            yearFile.Error(0, YearMessages.NoYearFile());
            return null;
        }
        var record = YamlRecord.Load(ContentText.Read(yearFile), yearFile, YearMessages.YearSettings);
        if (record is null) return null;
        var year = record.RequiredInt("year");
        var theme = record.Text("theme", languages, required: true);
        var nationalTheme = record.Text("national_theme", languages, required: false);
        var mainNotice = record.RequiredString("main_notice");
        var slogansUnavailable = record.Text("slogans_unavailable", languages, required: false);
        record.RejectUnknownKeys();
        if (year is not null && year != folderYear)
            record.Error("year", YearMessages.YearMismatch(year.Value, folderYear));

        var notices = LoadNotices(folderYear, folder);
        var slogans = LoadSlogans(folderYear, folder);
        var groups = LoadActivities(folderYear, folder);

        if (year is null || theme is null || mainNotice is null) return null;
        if (notices.All(n => n.Slug != mainNotice) && !diagnostics.HasErrorsIn($"input/{folderYear}/notices/{mainNotice}.md"))
            record.Error("main_notice", YearMessages.MainNoticeMissing(mainNotice, folderYear));
        if (slogans is not null && slogansUnavailable is not null)
            record.Error("slogans_unavailable", YearMessages.SlogansNotUnavailable());
        return new CampaignYear(folderYear, theme, nationalTheme, mainNotice, slogansUnavailable, notices, slogans, groups, record.Location);
    }

    private List<Notice> LoadNotices(int year, string folder)
    {
        var dir = Path.Combine(folder, "notices");
        var files = Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.md", SiteTree.WithoutLinks).Where(IsOriginal).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
            diagnostics.Error(Relative(folder), 0, YearMessages.NoNotice());
        // Parsed on every core (Markdown and YAML are most of the loading time); kept in file order.
        var loaded = new (Notice? Notice, List<ContentLink> Links)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = File(files[i]);
            var slug = Path.GetFileNameWithoutExtension(files[i]);
            var noticeLinks = new List<ContentLink>();
            Notice? notice = null;
            if (!SlugPattern.IsMatch(slug))
                file.Error(0, YearMessages.BadNoticeFileName(slug));
            else
                notice = NoticeLoader.Load(year, file, languages, noticeLinks);
            loaded[i] = (notice, noticeLinks);
        });
        var notices = new List<Notice>();
        foreach (var (notice, noticeLinks) in loaded)
        {
            foreach (var link in noticeLinks) links.Add(link);
            if (notice is not null) notices.Add(notice);
        }
        return notices;

        bool IsOriginal(string path) =>
            !languages.Any(l => !l.IsDefault && path.EndsWith($".{l.Code.ToLowerInvariant()}.md", StringComparison.Ordinal));
    }

    private SloganList? LoadSlogans(int year, string folder)
    {
        var file = File(Path.Combine(folder, "slogans.yml"));
        if (!System.IO.File.Exists(file.FullPath)) return null;
        var record = YamlRecord.Load(ContentText.Read(file), file, YearMessages.SloganList);
        if (record is null) return null;
        var source = ReadSource(record, numbered: false);
        var scopeText = record.RequiredString("scope");
        var theme = record.Text("theme", languages, required: false);
        var slogans = new List<Slogan>();
        foreach (var item in record.RecordList("slogans", required: true))
        {
            var text = item.Text("text", languages, required: true);
            item.RejectUnknownKeys();
            if (text is not null) slogans.Add(new Slogan(year, slogans.Count + 1, text, item.Location));
        }
        record.RejectUnknownKeys();
        SloganScope scope = default;
        if (scopeText is not null && !Scopes.TryGetValue(scopeText, out scope))
            record.Error("scope", YearMessages.UnknownScope(scopeText, string.Join(", ", Scopes.Keys)));
        if (source is null || scopeText is null || !Scopes.ContainsKey(scopeText)) return null;
        return new SloganList(year, source.Value.Notice, source.Value.Attachment, scope, theme, slogans, record.Location);
    }

    private List<ActivityGroup> LoadActivities(int year, string folder)
    {
        var dir = Path.Combine(folder, "activities");
        if (!Directory.Exists(dir)) return [];
        var groups = new List<ActivityGroup>();
        foreach (var path in Directory.GetFiles(dir, "*.yml", SiteTree.WithoutLinks).Order(StringComparer.Ordinal))
        {
            var file = File(path);
            var record = YamlRecord.Load(ContentText.Read(file), file, YearMessages.ActivitiesFile);
            if (record is null) continue;
            var city = record.OptionalString("city");
            var organiser = record.OptionalString("organiser");
            var source = ReadSource(record, numbered: true);
            var activities = new List<Activity>();
            foreach (var item in record.RecordList("activities", required: true))
            {
                var activity = ReadActivity(year, item);
                if (activity is null) continue;
                if (activities.Any(a => a.Id == activity.Id))
                    item.Error("id", YearMessages.ActivityIdTwice(activity.Id));
                else
                    activities.Add(activity);
            }
            record.RejectUnknownKeys();
            if ((city is null) == (organiser is null))
            {
                record.Error(null, YearMessages.HostMissing());
                continue;
            }
            if (source is null) continue;
            groups.Add(new ActivityGroup(year, city is not null ? HostKind.City : HostKind.Organiser, city ?? organiser!,
                source.Value.Notice, source.Value.Attachment, source.Value.Number, activities, record.LocationOf(city is not null ? "city" : "organiser")));
        }
        // The documents' order, not the files': each attachment's hosts by the number the document gives them.
        return groups.OrderBy(g => g.NoticeSlug, StringComparer.Ordinal).ThenBy(g => g.AttachmentNumber).ThenBy(g => g.Number).ToList();
    }

    private Activity? ReadActivity(int year, YamlRecord item)
    {
        var id = item.RequiredSlug("id");
        var title = item.Title("title", languages, required: true);
        var kinds = item.StringList("kinds");
        if (kinds.Count == 0)
            item.Error("kinds", YearMessages.KindsMissing());
        foreach (var unknown in kinds.Where(k => !activityKinds.Any(known => known.Slug == k)))
            item.Error("kinds", YearMessages.UnknownKind(unknown, string.Join(", ", activityKinds.Select(k => k.Slug))));
        var description = item.Text("description", languages, required: false);
        var time = item.Text("time", languages, required: false);
        var lead = item.Text("lead", languages, required: false);
        var partners = item.TextList("partners", languages);
        var note = item.Text("note", languages, required: false);
        var dates = ActivityDates.Parse(year, time?.Original);
        if (dates is null)
            item.Warning("time", YearMessages.UnreadableTiming(time!.Original, year));
        var photos = item.RecordList("photos", required: false).Select(ReadPhoto).OfType<PhotoRef>().ToList();
        item.RejectUnknownKeys();
        return id is null || title is null ? null : new Activity(id, title, kinds, description, time, dates ?? ActivityDates.CampaignMonth(year), lead, partners, note, photos, item.Location);
    }

    /// <summary>A photo entry: the file (relative to the activities file's folder), caption and credit.</summary>
    private PhotoRef? ReadPhoto(YamlRecord record)
    {
        var file = record.RequiredString("file");
        // A missing caption is one of the photo rules, reported with the others (error or warning by policy).
        var caption = record.Text("caption", languages, required: false);
        var credit = record.Text("credit", languages, required: false);
        record.RejectUnknownKeys();
        if (file is null) return null;
        var folder = Path.GetDirectoryName(record.File.FullPath)!;
        var full = Path.GetFullPath(Path.Combine(folder, file));
        if (!full.StartsWith(Path.Combine(siteRoot, "input") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            record.Error("file", YearMessages.PhotoOutsideInput(file));
            return null;
        }
        if (!System.IO.File.Exists(full))
        {
            record.Error("file", YearMessages.PhotoNotFound(file, Relative(full)));
            return null;
        }
        return new PhotoRef(Relative(full), full, caption, credit, record.LocationOf("file"));
    }

    /// <summary>Where a list is published: the notice, its attachment and, for an activities file, the host's number in it.</summary>
    private static (string Notice, int Attachment, int? Number)? ReadSource(YamlRecord record, bool numbered)
    {
        var source = record.RequiredRecord("source");
        if (source is null) return null;
        var notice = source.RequiredString("notice");
        var attachment = source.RequiredInt("attachment");
        var number = numbered ? source.OptionalInt("number") : null;
        if (number is < 1)
            source.Error("number", YearMessages.BadHostNumber(number.Value));
        source.RejectUnknownKeys();
        return notice is null || attachment is null ? null : (notice, attachment.Value, number);
    }

    private ContentFile File(string fullPath) => ContentFile.For(siteRoot, fullPath, diagnostics, texts);

    private string Relative(string fullPath) => Path.GetRelativePath(siteRoot, fullPath).Replace('\\', '/');

    private static readonly System.Text.RegularExpressions.Regex SlugPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$");
}
