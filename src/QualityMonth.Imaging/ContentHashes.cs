using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityMonth.Imaging;

/// <summary>
/// SHA-256 of files (photos, the Pagefind binary), remembered between builds in <c>.cache/content-hashes.json</c> by each
/// file's <see cref="FileIdentity"/>, as git's index remembers its files: a file whose device, inode, size, modification
/// and change time are all unchanged is not read again. Only the hash is remembered, never used as a name: what a build
/// publishes stays keyed by content, so the same input built in another folder gives the same files.
/// </summary>
public sealed class ContentHashes
{
    public const string CacheFile = ".cache/content-hashes.json";

    /// <summary>
    /// A file changed this recently is hashed again next time: a change in the same tick of the file system's clock as the
    /// one we hashed could leave every part of its identity as it was (git's "racily clean" entries). Two seconds cover
    /// the coarsest file system timestamps.
    /// </summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, ContentHashes> BySite = new(StringComparer.Ordinal);

    private readonly string _file;
    private readonly Dictionary<string, Remembered> _remembered;
    private readonly Lock _gate = new();
    private bool _changed;

    private ContentHashes(string file, Dictionary<string, Remembered> remembered) => (_file, _remembered) = (file, remembered);

    /// <summary>The hashes remembered for the site in <paramref name="siteRoot"/>, read once per process.</summary>
    public static ContentHashes For(string siteRoot) => BySite.GetOrAdd(Path.GetFullPath(Path.Combine(siteRoot, CacheFile)), Load);

    /// <summary>The file's SHA-256 in lower-case hex (<see cref="RenditionKey.HashOf(Stream)"/>), read only when its identity changed.</summary>
    public string Of(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var hashedAt = DateTime.UtcNow;
        var identity = FileIdentity.Of(fullPath);
        lock (_gate)
            if (identity is { } known && _remembered.TryGetValue(fullPath, out var entry) && entry.Identity == known)
                return entry.Sha256;
        string hash;
        using (var stream = File.OpenRead(fullPath))
            hash = RenditionKey.HashOf(stream);
        // The identity was read before the bytes: a change while hashing gives the file a later change time.
        if (identity is { } settled && settled.ChangedBefore(hashedAt - Settled))
            lock (_gate)
            {
                _remembered[fullPath] = new Remembered(settled, hash);
                _changed = true;
            }
        return hash;
    }

    /// <summary>Writes the remembered hashes back, without the files that are gone or changed since (one atomic rename).</summary>
    public void Save()
    {
        lock (_gate)
        {
            foreach (var (path, entry) in _remembered.ToList())
                if (FileIdentity.Of(path) != entry.Identity)
                    _changed |= _remembered.Remove(path);
            if (!_changed) return;
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            var scratch = $"{_file}.{Guid.NewGuid():N}.tmp";
            try
            {
                File.WriteAllBytes(scratch, JsonSerializer.SerializeToUtf8Bytes(_remembered, ContentHashesJson.Default.DictionaryStringRemembered));
                File.Move(scratch, _file, overwrite: true);
            }
            finally
            {
                File.Delete(scratch);
            }
            _changed = false;
        }
    }

    private static ContentHashes Load(string file)
    {
        Dictionary<string, Remembered>? remembered = null;
        try
        {
            if (File.Exists(file))
                remembered = JsonSerializer.Deserialize(File.ReadAllBytes(file), ContentHashesJson.Default.DictionaryStringRemembered);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable or damaged: every file is hashed again.
        }
        return new ContentHashes(file, new Dictionary<string, Remembered>(remembered ?? [], StringComparer.Ordinal));
    }

    internal sealed record Remembered(FileIdentity Identity, string Sha256);
}

[JsonSerializable(typeof(Dictionary<string, ContentHashes.Remembered>))]
internal sealed partial class ContentHashesJson : JsonSerializerContext;
