using System.Collections.Concurrent;
using System.Text.Json;
using NetVips;
using QualityMonth.Config;
using QualityMonth.Diagnostics;
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
/// Publishes the photos: <see cref="PhotoRules"/> check them, what the rendition store
/// (<c>.cache/photos/</c>, by <see cref="RenditionKey"/>) lacks is made in parallel on all cores, and
/// <see cref="PhotoPublisher"/> names the files. A rebuild with no photo changed does no image work; entries
/// no longer wanted are pruned. A check plans the same files without making any.
/// </summary>
public static class PhotoPipeline
{
    public const string CacheFolder = ".cache/photos";

    public const string FactsExtension = "json";

    /// <summary>The key of a photo's facts (size, placeholder colour) in the store, by its source hash: present once the photo is made.</summary>
    public static RenditionKey FactsKey(string sourceHash) => RenditionKey.For(sourceHash, "facts", RenditionSpec.PipelineVersion);

    /// <param name="encode">
    /// Make the files (a build). Without it (a check) no image is made, read from or pruned in the cache: each photo is
    /// decoded at a small size instead, to find what processing would fail on, and its files are planned from its
    /// header, under the names a build gives them, so the pages that link them can be checked.
    /// </param>
    public static async Task<PublishedPhotos> PublishAsync(string siteRoot, Site site, DiagnosticBag diagnostics,
        IProgress<(int Done, int Total)>? progress, bool encode = true)
    {
        var settings = site.Settings.Photos;
        var store = new RenditionStore(Path.Combine(siteRoot, CacheFolder));
        var sourceHashes = new Dictionary<string, string>(StringComparer.Ordinal); // a file two activities list is hashed once
        var rememberedHashes = ContentHashes.For(siteRoot);
        string HashOf(string photo) =>
            sourceHashes.TryGetValue(photo, out var known) ? known : sourceHashes[photo] = rememberedHashes.Of(photo);
        var headers = new PhotoHeaders(store, HashOf);
        var jobs = new List<Job>();
        foreach (var (use, inspection) in PhotoRules.Check(site, diagnostics, decode: !encode, headers))
        {
            if (!inspection.Processable) continue;
            var sourceHash = HashOf(use.Photo.FullPath);
            var renditions = RenditionSpec.For(inspection.Width, settings)
                .Select(spec => (spec, RenditionKey.For(sourceHash, spec.Name, RenditionSpec.PipelineVersion))).ToList();
            jobs.Add(new Job(use, inspection, renditions, FactsKey(sourceHash)));
        }
        // A check writes nothing, the remembered hashes included.
        if (!encode) return Plan(jobs);
        CacheLock.Hold(siteRoot);
        rememberedHashes.Save();
        headers.Save();

        var toProcess = jobs.Where(j => !j.IsStored(store)).DistinctBy(j => j.FactsKey).ToList();
        var made = new ConcurrentDictionary<RenditionKey, PhotoFacts>();
        if (toProcess.Count > 0)
        {
            var workers = Math.Min(Environment.ProcessorCount, toProcess.Count);
            LibVips.SetConcurrency(Math.Max(1, Environment.ProcessorCount / workers));
            var done = 0;
            progress?.Report((0, toProcess.Count));
            await Parallel.ForEachAsync(toProcess, new ParallelOptions { MaxDegreeOfParallelism = workers }, (job, _) =>
            {
                try
                {
                    made[job.FactsKey] = Make(job, store);
                }
                catch (VipsException e)
                {
                    PhotoRules.Report(diagnostics, settings, job.Use, new RuleViolation(PhotoRule.Unreadable, PhotoMessages.Damaged(PhotoInspector.Reason(e))));
                }
                finally
                {
                    progress?.Report((Interlocked.Increment(ref done), toProcess.Count));
                }
                return ValueTask.CompletedTask;
            });
        }

        var byPhoto = new Dictionary<PhotoRef, ProcessedPhoto>();
        var files = new List<(string, string?)>();
        foreach (var job in jobs)
        {
            var facts = made.TryGetValue(job.FactsKey, out var fresh) ? fresh : job.ReadFacts(store);
            if (facts is null) continue; // failed to decode: reported above
            var stored = job.Renditions.Select(r => (r, File: store.PathOf(r.Key, r.Spec.Extension))).ToList();
            var (photo, outputPaths) = PhotoPublisher.Publish(job.Use, facts,
                [.. stored.Select(s => new PlannedRendition(s.r.Spec, s.r.Key, new FileInfo(s.File).Length))]);
            byPhoto[job.Use.Photo] = photo;
            files.AddRange(outputPaths.Zip(stored, (output, s) => (output, (string?)s.File)));
        }
        CacheLock.PruneAlone(siteRoot, () => store.Prune(
            jobs.SelectMany(j => j.StoredNames).Concat(sourceHashes.Values.Select(PhotoHeaders.StoredName)).ToHashSet(StringComparer.Ordinal)));
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
            var (photo, outputPaths) = PhotoPublisher.Publish(job.Use, planned, [.. job.Renditions.Select(r => new PlannedRendition(r.Spec, r.Key, 0))]);
            byPhoto[job.Use.Photo] = photo;
            files.AddRange(outputPaths.Select(output => (output, (string?)null)));
        }
        return new PublishedPhotos(byPhoto, files, 0);
    }

    /// <summary>The colour a planned photo stands in with; a check's pages are never shown.</summary>
    private const string PlannedPlaceholder = "#808080";

    /// <summary>Makes the renditions the store lacks, and the photo's facts, from one decode.</summary>
    private static PhotoFacts Make(Job job, RenditionStore store)
    {
        var outputs = job.Renditions.Where(r => !store.Contains(r.Key, r.Spec.Extension))
            .Select(r => (r.Spec, r.Key, Scratch: store.ScratchPath(r.Spec.Extension))).ToList();
        try
        {
            var facts = PhotoProcessor.Process(job.Use.Photo.FullPath, [.. outputs.Select(o => (o.Spec, o.Scratch))]);
            foreach (var (spec, key, scratch) in outputs)
                store.Commit(scratch, key, spec.Extension);
            // Written last: facts present means every rendition is there too.
            store.Write(job.FactsKey, FactsExtension, path => File.WriteAllText(path, JsonSerializer.Serialize(facts, PhotoFactsJson.Default.PhotoFacts)));
            return facts;
        }
        finally
        {
            foreach (var output in outputs)
                File.Delete(output.Scratch);
        }
    }

    private sealed record Job(PhotoUse Use, PhotoInspection Inspection, IReadOnlyList<(RenditionSpec Spec, RenditionKey Key)> Renditions, RenditionKey FactsKey)
    {
        public IEnumerable<string> StoredNames =>
            Renditions.Select(r => RenditionStore.FileName(r.Key, r.Spec.Extension)).Append(RenditionStore.FileName(FactsKey, FactsExtension));

        public bool IsStored(RenditionStore store) =>
            store.Contains(FactsKey, FactsExtension) && Renditions.All(r => store.Contains(r.Key, r.Spec.Extension));

        public PhotoFacts? ReadFacts(RenditionStore store) =>
            store.Contains(FactsKey, FactsExtension) ? JsonSerializer.Deserialize(File.ReadAllText(store.PathOf(FactsKey, FactsExtension)), PhotoFactsJson.Default.PhotoFacts) : null;
    }
}
