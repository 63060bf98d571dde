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
            diagnostics.Error(city.Source, SiteMessages.CityIsOrganiser(city.Slug));
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
                    diagnostics.Error(file, SiteMessages.HostHasTwoFiles(HostPhrase(clash.Key.HostKind), clash.Key.HostSlug, year.Year, files[0].File));
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
                    diagnostics.Error(at, SiteMessages.ForwardedNoticeUnknown(attachment.Number, attachment.NoticeSlug!, year.Year));
                    break;
                case AttachmentKind.Slogans when (year.Slogans is not { } s || s.NoticeSlug != notice.Slug || s.AttachmentNumber != attachment.Number)
                                                 && !diagnostics.HasErrorsIn($"input/{year.Year}/slogans.yml"):
                    diagnostics.Error(at, SiteMessages.SlogansNotSourced(attachment.Number, year.Year));
                    break;
                case AttachmentKind.Activities when !year.ActivityGroups.Any(g => g.NoticeSlug == notice.Slug && g.AttachmentNumber == attachment.Number):
                    diagnostics.Warning(at, SiteMessages.ActivitiesNotSourced(attachment.Number, year.Year));
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
            diagnostics.Error(at, SiteMessages.SourceNoticeUnknown(noticeSlug, year.Year));
        else if (notice.Attachments.FirstOrDefault(a => a.Number == number) is not { } attachment)
            diagnostics.Error(at, SiteMessages.SourceAttachmentUnknown(noticeSlug, number));
        else if (attachment.Kind != kind)
            diagnostics.Error(at, SiteMessages.SourceKindMismatch(number, noticeSlug, attachment.Kind.ToString().ToLowerInvariant(), kind.ToString().ToLowerInvariant()));
    }

    private static string NoticeFile(CampaignYear year, string slug) => $"input/{year.Year}/notices/{slug}.md";

    private static void CheckHost(Site site, ActivityGroup group, DiagnosticBag diagnostics)
    {
        var known = group.HostKind == HostKind.City ? site.FindCity(group.HostSlug) is not null : site.FindOrganiser(group.HostSlug) is not null;
        if (known) return;
        var (registry, list) = group.HostKind == HostKind.City
            ? ("input/site/cities.yml", string.Join(", ", site.Cities.Select(c => c.Slug)))
            : ("input/site/organisers.yml", string.Join(", ", site.Organisers.Select(o => o.Slug)));
        diagnostics.Error(group.Source, SiteMessages.UnknownHost(HostPhrase(group.HostKind), group.HostSlug, registry, list));
    }

    private static Phrase HostPhrase(HostKind kind) => kind == HostKind.City ? RegistryMessages.City : RegistryMessages.Organiser;
}
