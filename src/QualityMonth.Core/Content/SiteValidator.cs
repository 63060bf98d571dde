using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Content;

/// <summary>Checks what no single file can: references between files and the registries.</summary>
internal static class SiteValidator
{
    public static void Validate(Site site, DiagnosticBag diagnostics)
    {
        // Activity URLs are /activities/<year>/<host>/<id>/: a city and an organiser may not share a slug.
        foreach (var city in site.Cities.Where(c => site.FindOrganiser(c.Slug) is not null))
            diagnostics.Error(city.Source.File, city.Source.Line, $"the slug '{city.Slug}' is also an organiser's slug (input/site/organisers.yml): activity addresses would clash; choose another");
        foreach (var year in site.Years)
        {
            foreach (var notice in year.Notices)
                ValidateAttachments(year, notice, diagnostics);
            if (year.Slogans is { } slogans)
                CheckSource(year, slogans.NoticeSlug, slogans.AttachmentNumber, AttachmentKind.Slogans, slogans.Source, diagnostics);
            foreach (var group in year.ActivityGroups)
            {
                CheckSource(year, group.NoticeSlug, group.AttachmentNumber, AttachmentKind.Activities, group.Source, diagnostics);
                CheckHost(site, group, diagnostics);
            }
            foreach (var clash in year.ActivityGroups.GroupBy(g => (g.HostKind, g.HostSlug)).Where(g => g.Count() > 1))
            {
                var files = clash.Select(g => g.Source).ToList();
                foreach (var file in files.Skip(1))
                    diagnostics.Error(file.File, file.Line,
                        $"{clash.Key.HostKind.ToString().ToLowerInvariant()} '{clash.Key.HostSlug}' already has a {year.Year} activities file ({files[0].File}): both would claim the same page section; merge them");
            }
        }
    }

    private static void ValidateAttachments(CampaignYear year, Notice notice, DiagnosticBag diagnostics)
    {
        foreach (var attachment in notice.Attachments)
        {
            var at = attachment.Source;
            switch (attachment.Kind)
            {
                case AttachmentKind.Notice when (year.FindNotice(attachment.NoticeSlug!) is null && !diagnostics.HasErrorsIn(NoticeFile(year, attachment.NoticeSlug!)))
                                                || attachment.NoticeSlug == notice.Slug:
                    diagnostics.Error(at.File, at.Line, $"attachment {attachment.Number}: 'notice: {attachment.NoticeSlug}' must name another notice in {year.Year}/notices/");
                    break;
                case AttachmentKind.Slogans when year.Slogans is not { } s || s.NoticeSlug != notice.Slug || s.AttachmentNumber != attachment.Number:
                    diagnostics.Error(at.File, at.Line, $"attachment {attachment.Number} shows slogans, but {year.Year}/slogans.yml does not name it as its source");
                    break;
                case AttachmentKind.Activities when !year.ActivityGroups.Any(g => g.NoticeSlug == notice.Slug && g.AttachmentNumber == attachment.Number):
                    diagnostics.Warning(at.File, at.Line, $"attachment {attachment.Number} shows activities, but no file in {year.Year}/activities/ names it as its source");
                    break;
            }
        }
    }

    private static void CheckSource(CampaignYear year, string noticeSlug, int number, AttachmentKind kind, SourceLocation at, DiagnosticBag diagnostics)
    {
        var notice = year.FindNotice(noticeSlug);
        if (notice is null && diagnostics.HasErrorsIn(NoticeFile(year, noticeSlug)))
            return;
        if (notice is null)
            diagnostics.Error(at.File, at.Line, $"source: there is no notice '{noticeSlug}' in {year.Year}/notices/");
        else if (notice.Attachments.FirstOrDefault(a => a.Number == number) is not { } attachment)
            diagnostics.Error(at.File, at.Line, $"source: notice '{noticeSlug}' has no attachment {number}");
        else if (attachment.Kind != kind)
            diagnostics.Error(at.File, at.Line, $"source: attachment {number} of '{noticeSlug}' is 'shows: {attachment.Kind.ToString().ToLowerInvariant()}', not 'shows: {kind.ToString().ToLowerInvariant()}'");
    }

    private static string NoticeFile(CampaignYear year, string slug) => $"input/{year.Year}/notices/{slug}.md";

    private static void CheckHost(Site site, ActivityGroup group, DiagnosticBag diagnostics)
    {
        var known = group.HostKind == HostKind.City ? site.FindCity(group.HostSlug) is not null : site.FindOrganiser(group.HostSlug) is not null;
        if (known) return;
        var (registry, list) = group.HostKind == HostKind.City
            ? ("input/site/cities.yml", string.Join(", ", site.Cities.Select(c => c.Slug)))
            : ("input/site/organisers.yml", string.Join(", ", site.Organisers.Select(o => o.Slug)));
        diagnostics.Error(group.Source.File, group.Source.Line,
            $"unknown {group.HostKind.ToString().ToLowerInvariant()} '{group.HostSlug}': add it to {registry} or use one of: {list}");
    }
}
