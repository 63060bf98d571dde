using System.Security.Cryptography;
using System.Text;
using QualityMonth.Imaging;
using QualityMonth.Output;

namespace QualityMonth.Search;

/// <summary>
/// The search index of each part of the site (a language's pages, <see cref="PagefindIndex"/>) that the last build indexed,
/// kept in <c>.cache/pagefind/&lt;key&gt;/</c> with what Pagefind printed. The key is a SHA-256 of the Pagefind
/// executable's bytes, its arguments and every HTML page of the part (path and bytes), which is all Pagefind reads (its
/// working folder is empty, its PAGEFIND_* variables removed): a part whose pages are byte-identical to the last build's
/// is not indexed again, so a change to the Chinese pages alone runs Pagefind over the Chinese pages alone. Pagefind
/// writes a part's bundle into the cache itself; the site's bundle is made from the entries. The entries of the last
/// build are kept; older ones are pruned.
/// </summary>
internal sealed class SearchIndexCache
{
    public const string CacheFolder = ".cache/pagefind";

    /// <summary>Bumped when what the generator asks of Pagefind changes in a way its arguments do not show.</summary>
    private const int Version = 2;

    private const string BundleFolder = "bundle", MessagesFile = "messages.txt", ScratchPrefix = ".tmp-";

    private readonly string _siteRoot;
    private readonly string _key;
    private readonly string _scratch;

    private SearchIndexCache(string siteRoot, string key)
    {
        _siteRoot = siteRoot;
        _key = key;
        _scratch = Path.Combine(Store(siteRoot), ScratchPrefix + Guid.NewGuid().ToString("N"));
    }

    private static string Store(string siteRoot) => Path.Combine(siteRoot, CacheFolder);

    private string Entry => Path.Combine(Store(_siteRoot), _key);

    /// <summary>The entry's bundle, once it is complete (<see cref="Messages"/>).</summary>
    public string Bundle => Path.Combine(Entry, BundleFolder);

    /// <summary>Where Pagefind writes this part's bundle, which <see cref="Keep"/> makes the entry's.</summary>
    public string ScratchBundle => Path.Combine(_scratch, BundleFolder);

    /// <returns><see cref="ScratchBundle"/>, not there yet, in an empty folder.</returns>
    public string StartScratch()
    {
        Discard();
        Directory.CreateDirectory(_scratch);
        return ScratchBundle;
    }

    /// <summary>The cache entry for the Pagefind executable hashed <paramref name="binaryHash"/> run with <paramref name="arguments"/> on <paramref name="pages"/>
    /// (output paths), every HTML file it indexes, as they are in <paramref name="output"/>. Marks the cache in use
    /// (<see cref="CacheLock"/>) until the process exits.</summary>
    /// <remarks>The pages are hashed from memory, as the build made them, not read back from the folder they were just written to.</remarks>
    /// <param name="binaryHash">The Pagefind executable's <see cref="BinaryHash"/>, taken once for every part of an index.</param>
    public static SearchIndexCache For(string siteRoot, string binaryHash, IReadOnlyList<string> arguments, IEnumerable<string> pages, SiteOutput output)
    {
        CacheLock.Hold(siteRoot);
        using var key = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => key.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add($"pagefind-cache {Version}");
        Add(binaryHash);
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

    /// <summary>The SHA-256 of the Pagefind executable <paramref name="binary"/>, remembered by its file identity (<see cref="ContentHashes"/>).</summary>
    public static string BinaryHash(string siteRoot, string binary)
    {
        var hashes = ContentHashes.For(siteRoot);
        var hash = hashes.Of(binary);
        hashes.Save();
        return hash;
    }

    /// <summary>What Pagefind printed when it made this entry's index; null when there is no such entry.</summary>
    public string? Messages
    {
        get
        {
            var messages = Path.Combine(Entry, MessagesFile);
            return File.Exists(messages) ? File.ReadAllText(messages) : null;
        }
    }

    /// <summary>Makes the bundle Pagefind wrote in <see cref="ScratchBundle"/> this entry's.</summary>
    public void Keep(string messages)
    {
        // Written last: an entry with its messages file is complete.
        File.WriteAllText(Path.Combine(_scratch, MessagesFile), messages);
        try
        {
            if (!Directory.Exists(Entry)) Directory.Move(_scratch, Entry);
        }
        catch (IOException)
        {
            // Another build beside this one stored the same entry first: it is the same index.
        }
        Discard();
    }

    /// <summary>Removes what a run left in <see cref="ScratchBundle"/> that was not kept.</summary>
    public void Discard()
    {
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>Prunes every entry but <paramref name="kept"/>'s, when no other build uses the cache.</summary>
    public static void PruneAllBut(string siteRoot, IReadOnlyCollection<SearchIndexCache> kept)
    {
        var keys = kept.Select(entry => entry._key).ToHashSet(StringComparer.Ordinal);
        if (!Directory.Exists(Store(siteRoot))) return;
        CacheLock.PruneAlone(siteRoot, () =>
        {
            foreach (var old in Directory.GetDirectories(Store(siteRoot)))
                // With no other build running, a scratch folder is a killed build's.
                if (!keys.Contains(Path.GetFileName(old)))
                    Directory.Delete(old, recursive: true);
        });
    }
}
