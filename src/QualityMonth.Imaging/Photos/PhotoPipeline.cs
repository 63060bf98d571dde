using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Vips;
using QualityMonth.Model;

namespace QualityMonth.Imaging.Photos;

/// <summary>The photos ready for the theme, and the files to copy into the site.</summary>
/// <param name="ByPhoto">By each use of a photo (an activity's entry): two activities may list the same file.</param>
/// <param name="Files">Each output file and the cached file holding it; null when the photos were only planned, not made (a check).</param>
public sealed record PublishedPhotos(
    IReadOnlyDictionary<PhotoRef, ProcessedPhoto> ByPhoto,
    IReadOnlyList<(string OutputPath, string? CacheFile)> Files,
    int Processed);

/// <summary>
/// Checks every photo against the rules, then makes what is missing from the disk cache, in
/// parallel on all cores. A rebuild with no photo changed does no image work; stale cache entries
/// are pruned. A check plans the same files without making any.
/// </summary>
public static class PhotoPipeline
{
    public const string CacheFolder = ".cache/photos";

    /// <summary>Every photo of every activity, with where it is used.</summary>
    public static IEnumerable<(CampaignYear Year, ActivityGroup Group, Activity Activity, PhotoRef Photo, int Number)> AllPhotos(Site site) =>
        from year in site.Years
        from g in year.ActivityGroups
        from a in g.Activities
        from p in a.Photos.Select((p, i) => (p, i + 1))
        select (year, g, a, p.p, p.Item2);

    /// <summary>Checks the rules without processing anything; reports every violation.</summary>
    /// <param name="decode">
    /// Also decode each photo (at a small size) to find truncated or damaged files, which the build only finds
    /// when it processes them: for a check, which processes nothing.
    /// </param>
    private static IReadOnlyList<PhotoInspection> Check(Site site, DiagnosticBag diagnostics, bool decode = false)
    {
        var settings = site.Settings.Photos;
        var inspections = new List<PhotoInspection>();
        foreach (var (_, _, activity, photo, number) in AllPhotos(site))
        {
            // Each photo beyond the limit is reported on its own line, naming it, like every other rule.
            if (number > settings.MaxPerActivity)
                Report(diagnostics, settings, photo, activity,
                    new RuleViolation(PhotoRule.TooMany, PhotoMessages.TooMany(number, activity.Photos.Count, settings.MaxPerActivity)));
            var inspection = PhotoInspector.Inspect(photo, settings);
            if (decode && inspection.Processable && PhotoInspector.Decode(photo) is { } damaged)
                inspection = inspection with { Violations = [.. inspection.Violations, damaged] };
            foreach (var violation in inspection.Violations)
                Report(diagnostics, settings, photo, activity, violation);
            inspections.Add(inspection);
        }
        return inspections;
    }

    /// <param name="encode">
    /// Make the files (a build). Without it (a check) no image is made, read from or pruned in the cache: each photo is
    /// decoded at a small size instead, to find what processing would fail on, and its files are planned from its
    /// header, under the names a build gives them, so the pages that link them can be checked.
    /// </param>
    public static async Task<PublishedPhotos> PublishAsync(string siteRoot, Site site, DiagnosticBag diagnostics,
        IProgress<(int Done, int Total)>? progress, bool encode = true)
    {
        var settings = site.Settings.Photos;
        // One inspection per use of a photo, in the order of AllPhotos: a file two activities list is inspected twice.
        var inspections = Check(site, diagnostics, decode: !encode);
        var cacheRoot = Path.Combine(siteRoot, CacheFolder);
        var jobs = new List<Job>();
        foreach (var ((year, group, activity, photo, number), inspection) in AllPhotos(site).Zip(inspections))
        {
            if (!inspection.Processable) continue;
            string sourceHash;
            await using (var stream = File.OpenRead(photo.FullPath))
                sourceHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream))[..32];
            var stem = $"{year.Year}-{group.HostSlug}-{activity.Id}-{number}";
            jobs.Add(new Job(photo, activity, inspection, stem, Path.Combine(cacheRoot, sourceHash), RenditionSpec.For(inspection.Width, settings)));
        }
        if (!encode) return Plan(jobs);
        CacheLock.Hold(siteRoot);

        var toProcess = jobs.Where(j => !j.IsCached).DistinctBy(j => j.CacheDir).ToList();
        var facts = new ConcurrentDictionary<string, PhotoFacts>();
        if (toProcess.Count > 0)
        {
            var workers = Math.Min(Environment.ProcessorCount, toProcess.Count);
            VipsRuntime.SetConcurrency(Math.Max(1, Environment.ProcessorCount / workers));
            var done = 0;
            progress?.Report((0, toProcess.Count));
            await Parallel.ForEachAsync(toProcess, new ParallelOptions { MaxDegreeOfParallelism = workers }, (job, _) =>
            {
                try
                {
                    facts[job.CacheDir] = Make(job);
                }
                catch (VipsException e)
                {
                    Report(diagnostics, settings, job.Photo, job.Activity, new RuleViolation(PhotoRule.Unreadable, PhotoMessages.Damaged(e.Message)));
                }
                finally
                {
                    VipsRuntime.ReleaseThread();
                    progress?.Report((Interlocked.Increment(ref done), toProcess.Count));
                }
                return ValueTask.CompletedTask;
            });
        }

        var byPhoto = new Dictionary<PhotoRef, ProcessedPhoto>();
        var files = new List<(string, string?)>();
        foreach (var job in jobs)
        {
            var fact = facts.TryGetValue(job.CacheDir, out var made) ? made : job.ReadFacts();
            if (fact is null) continue; // failed to decode: reported above
            byPhoto[job.Photo] = Publish(job, fact, spec =>
            {
                var cacheFile = Path.Combine(job.CacheDir, spec.CacheName);
                return (cacheFile, new FileInfo(cacheFile).Length);
            }, files);
        }
        CacheLock.PruneAlone(siteRoot, () => Prune(cacheRoot, jobs));
        return new PublishedPhotos(byPhoto, files, toProcess.Count);
    }

    /// <summary>What a build would publish, without making it: sizes from the header, no bytes, no placeholder colour.</summary>
    private static PublishedPhotos Plan(IReadOnlyList<Job> jobs)
    {
        var byPhoto = new Dictionary<PhotoRef, ProcessedPhoto>();
        var files = new List<(string, string?)>();
        foreach (var job in jobs)
        {
            var planned = new PhotoFacts(job.Inspection.Width, job.Inspection.Height, PlannedPlaceholder);
            byPhoto[job.Photo] = Publish(job, planned, _ => (null, 0), files);
        }
        return new PublishedPhotos(byPhoto, files, 0);
    }

    /// <summary>The colour a planned photo stands in with; a check's pages are never shown.</summary>
    private const string PlannedPlaceholder = "#808080";

    /// <summary>A photo's renditions under their published names (each added to <paramref name="files"/>).</summary>
    /// <param name="made">The cached file holding a rendition and its size, or (null, 0) when not made.</param>
    private static ProcessedPhoto Publish(Job job, PhotoFacts fact, Func<RenditionSpec, (string? File, long Bytes)> made, List<(string, string?)> files)
    {
        var renditions = new List<PhotoRendition>();
        PhotoRendition? full = null;
        foreach (var spec in job.Renditions)
        {
            var (file, bytes) = made(spec);
            var (width, height) = spec.Width is { } w && w < fact.Width ? (w, (int)Math.Round((double)fact.Height * w / fact.Width)) : (fact.Width, fact.Height);
            var name = $"{job.Stem}-{(spec.Width is null ? "full" : width.ToString(System.Globalization.CultureInfo.InvariantCulture))}.{ShortHash(job.CacheDir + spec.CacheName)}.{spec.Extension}";
            var rendition = new PhotoRendition(spec.Format, width, height, "/photos/" + name, bytes);
            files.Add(("photos/" + name, file));
            if (spec.Width is null) full = rendition; else renditions.Add(rendition);
        }
        return new ProcessedPhoto(job.Photo, fact.Width, fact.Height, fact.Placeholder, renditions, full!);
    }

    private static PhotoFacts Make(Job job)
    {
        Directory.CreateDirectory(job.CacheDir);
        var missing = job.Renditions.Where(r => !File.Exists(Path.Combine(job.CacheDir, r.CacheName))).ToList();
        // Work in a scratch folder and move finished files in: the cache never holds half a file.
        var scratch = Path.Combine(job.CacheDir, ".tmp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var facts = PhotoProcessor.Process(job.Photo.FullPath, missing, scratch);
            foreach (var file in Directory.GetFiles(scratch))
                File.Move(file, Path.Combine(job.CacheDir, Path.GetFileName(file)), overwrite: true);
            File.WriteAllText(job.FactsFile, JsonSerializer.Serialize(facts));
            return facts;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Removes cache entries of photos no longer used, and renditions no longer wanted.</summary>
    private static void Prune(string cacheRoot, IReadOnlyList<Job> jobs)
    {
        if (!Directory.Exists(cacheRoot)) return;
        var wanted = jobs.GroupBy(j => j.CacheDir).ToDictionary(g => g.Key,
            g => g.SelectMany(j => j.Renditions).Select(r => r.CacheName).Append(Job.FactsName).ToHashSet(), StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(cacheRoot))
        {
            if (!wanted.TryGetValue(dir, out var names))
            {
                Directory.Delete(dir, recursive: true);
                continue;
            }
            foreach (var file in Directory.GetFiles(dir).Where(f => !names.Contains(Path.GetFileName(f))))
                File.Delete(file);
        }
    }

    private static void Report(DiagnosticBag diagnostics, PhotoSettings settings, PhotoRef photo, Activity activity, RuleViolation violation) =>
        diagnostics.Report(settings.PolicyFor(violation.Rule) == RulePolicy.Error ? Severity.Error : Severity.Warning, photo.Source,
            PhotoMessages.Violation(violation.Rule, photo.File, activity.Id, violation.Detail));

    private static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    private sealed record Job(PhotoRef Photo, Activity Activity, PhotoInspection Inspection, string Stem, string CacheDir, IReadOnlyList<RenditionSpec> Renditions)
    {
        public const string FactsName = "facts.json";

        public string FactsFile => Path.Combine(CacheDir, FactsName);

        public bool IsCached => File.Exists(FactsFile) && Renditions.All(r => File.Exists(Path.Combine(CacheDir, r.CacheName)));

        public PhotoFacts? ReadFacts() => File.Exists(FactsFile) ? JsonSerializer.Deserialize<PhotoFacts>(File.ReadAllText(FactsFile)) : null;
    }
}
