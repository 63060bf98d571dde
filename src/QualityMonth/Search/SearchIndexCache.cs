using System.Security.Cryptography;
using System.Text;
using QualityMonth.Imaging;
using QualityMonth.Output;

namespace QualityMonth.Search;

/// <summary>
/// The search index of the last build, kept in <c>.cache/pagefind/&lt;key&gt;/</c> with what Pagefind printed. The key is
/// a SHA-256 of the Pagefind executable's bytes, its arguments and every HTML page it indexes (path and bytes), which
/// is all Pagefind reads (its working folder is empty, its PAGEFIND_* variables removed): a build whose pages are
/// byte-identical to the previous one's copies that index instead of running Pagefind again, and any changed page,
/// added or removed page or other Pagefind makes a new one. One entry is kept; older ones are pruned.
/// </summary>
internal sealed class SearchIndexCache(string siteRoot, string key)
{
    public const string CacheFolder = ".cache/pagefind";

    /// <summary>Bumped when what the generator asks of Pagefind changes in a way its arguments do not show.</summary>
    private const int Version = 1;

    private const string BundleFolder = "bundle", MessagesFile = "messages.txt", ScratchPrefix = ".tmp-";

    private string Store => Path.Combine(siteRoot, CacheFolder);

    private string Entry => Path.Combine(Store, key);

    /// <summary>The cache entry for Pagefind <paramref name="binary"/> run with <paramref name="arguments"/> on <paramref name="pages"/>
    /// (output paths), every HTML file of the folder it indexes, as they are in <paramref name="output"/>.</summary>
    /// <remarks>The pages are hashed from memory, as the build made them, not read back from the folder they were just written to.</remarks>
    public static SearchIndexCache For(string siteRoot, string binary, IReadOnlyList<string> arguments, IEnumerable<string> pages, SiteOutput output)
    {
        using var key = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => key.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add($"pagefind-cache {Version}");
        var hashes = ContentHashes.For(siteRoot);
        Add(hashes.Of(binary));
        hashes.Save();
        foreach (var argument in arguments) Add(argument);
        var ordered = pages.Order(StringComparer.Ordinal).ToList();
        var pageHashes = new string[ordered.Count];
        Parallel.For(0, ordered.Count, i => pageHashes[i] = output.TryGet(ordered[i], out var html)
            ? Convert.ToHexStringLower(SHA256.HashData(html))
            : throw new InvalidOperationException($"page {ordered[i]} is not in the output"));
        foreach (var (page, hash) in ordered.Zip(pageHashes))
        {
            Add(page);
            Add(hash);
        }
        return new SearchIndexCache(siteRoot, Convert.ToHexStringLower(key.GetHashAndReset())[..32]);
    }

    /// <summary>Makes <paramref name="bundle"/> hold the cached index, writing only the files that differ (a reused staging folder holds an earlier one).</summary>
    /// <returns>What Pagefind printed when it made the index; null when there is no such entry.</returns>
    public string? TryCopyTo(string bundle)
    {
        var messages = Path.Combine(Entry, MessagesFile);
        if (!File.Exists(messages)) return null;
        var cached = Path.Combine(Entry, BundleFolder);
        var index = new SiteOutput();
        foreach (var file in Directory.GetFiles(cached, "*", SearchOption.AllDirectories))
            index.AddFile(Path.GetRelativePath(cached, file).Replace(Path.DirectorySeparatorChar, '/'), file);
        Directory.CreateDirectory(bundle);
        index.UpdateIn(bundle, new HashSet<string>());
        return File.ReadAllText(messages);
    }

    /// <summary>Keeps the index Pagefind just wrote in <paramref name="bundle"/>, and prunes the other entries.</summary>
    public void Add(string bundle, string messages)
    {
        CacheLock.Hold(siteRoot);
        var scratch = Path.Combine(Store, ScratchPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(bundle, Path.Combine(scratch, BundleFolder));
            // Written last: an entry with its messages file is complete.
            File.WriteAllText(Path.Combine(scratch, MessagesFile), messages);
            if (!Directory.Exists(Entry)) Directory.Move(scratch, Entry);
        }
        catch (IOException)
        {
            // Another build beside this one stored the same entry first: it is the same index.
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
        CacheLock.PruneAlone(siteRoot, () =>
        {
            foreach (var old in Directory.GetDirectories(Store))
                if (Path.GetFileName(old) is var name && name != key && !name.StartsWith(ScratchPrefix, StringComparison.Ordinal))
                    Directory.Delete(old, recursive: true);
        });
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
