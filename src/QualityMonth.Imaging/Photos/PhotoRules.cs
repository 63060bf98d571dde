using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Imaging.Photos;

/// <summary>One use of a photo: the activity that lists it, and its place in that activity's list (from 1).</summary>
public sealed record PhotoUse(CampaignYear Year, ActivityGroup Group, Activity Activity, PhotoRef Photo, int Number);

/// <summary>The notices' photo rules: checks every use of every photo and reports each violation. Makes nothing.</summary>
public static class PhotoRules
{
    /// <summary>Every photo of every activity, with where it is used.</summary>
    public static IEnumerable<PhotoUse> AllUses(Site site) =>
        from year in site.Years
        from g in year.ActivityGroups
        from a in g.Activities
        from p in a.Photos.Select((p, i) => (p, i + 1))
        select new PhotoUse(year, g, a, p.p, p.Item2);

    /// <summary>Checks the rules; reports every violation. One inspection per use, in the order of <see cref="AllUses"/>.</summary>
    /// <param name="decode">
    /// Also decode each photo (at a small size) to find truncated or damaged files, which the build only finds
    /// when it processes them: for a check, which processes nothing.
    /// </param>
    /// <param name="headers">The headers read before, by content (<see cref="PhotoInspector.Inspect"/>).</param>
    public static IReadOnlyList<(PhotoUse Use, PhotoInspection Inspection)> Check(Site site, DiagnosticBag diagnostics, bool decode, PhotoHeaders? headers = null)
    {
        var settings = site.Settings.Photos;
        var inspections = new List<(PhotoUse, PhotoInspection)>();
        foreach (var use in AllUses(site))
        {
            // Each photo beyond the limit is reported on its own line, naming it, like every other rule.
            if (use.Number > settings.MaxPerActivity)
                Report(diagnostics, settings, use,
                    new RuleViolation(PhotoRule.TooMany, PhotoMessages.TooMany(use.Number, use.Activity.Photos.Count, settings.MaxPerActivity)));
            var inspection = PhotoInspector.Inspect(use.Photo, settings, headers);
            if (decode && inspection.Processable && PhotoInspector.Decode(use.Photo) is { } damaged)
                inspection = inspection with { Violations = [.. inspection.Violations, damaged] };
            foreach (var violation in inspection.Violations)
                Report(diagnostics, settings, use, violation);
            inspections.Add((use, inspection));
        }
        return inspections;
    }

    /// <summary>Reports a violation at the photo's entry, as an error or a warning as the settings say.</summary>
    public static void Report(DiagnosticBag diagnostics, PhotoSettings settings, PhotoUse use, RuleViolation violation) =>
        diagnostics.Report(settings.PolicyFor(violation.Rule) == RulePolicy.Error ? Severity.Error : Severity.Warning, use.Photo.Source,
            PhotoMessages.Violation(violation.Rule, use.Photo.File, use.Activity.Id, violation.Detail));
}
