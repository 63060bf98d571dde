using System.Text.Json;

namespace QualityMonth.Imaging.Photos;

/// <summary>What a photo's header says: its format, and its size once upright.</summary>
public sealed record PhotoHeader(string Format, int Width, int Height);

/// <summary>
/// The headers of the photos read before, kept in the photo store by each photo's content (a <see cref="RenditionKey"/> of its
/// hash): a build with no photo changed reads no header, so it does not start libvips at all (about 0.1 s of a warm build).
/// Only a header that was read and is of an accepted format is kept; any other photo is inspected again each time, and its
/// problem reported as it is found.
/// </summary>
/// <param name="hashOf">The SHA-256 of a photo's bytes (<see cref="ContentHashes"/>, remembered between builds).</param>
public sealed class PhotoHeaders(RenditionStore store, Func<string, string> hashOf)
{
    public const string Extension = "json";

    /// <summary>The key of a photo's header in the store, by its source hash.</summary>
    public static RenditionKey Key(string sourceHash) => RenditionKey.For(sourceHash, "header", RenditionSpec.PipelineVersion);

    private readonly Dictionary<RenditionKey, PhotoHeader> _read = [];

    /// <summary>The header kept for the photo's content; null when there is none (or it cannot be read).</summary>
    public PhotoHeader? Find(string photo)
    {
        var key = Key(hashOf(photo));
        if (!store.Contains(key, Extension)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(store.PathOf(key, Extension)), PhotoFactsJson.Default.PhotoHeader);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // damaged or gone meanwhile: read the photo's header again
        }
    }

    /// <summary>Keeps a header just read, until <see cref="Save"/>.</summary>
    public void Remember(string photo, PhotoHeader header) => _read[Key(hashOf(photo))] = header;

    /// <summary>Writes the headers read by this build into the store (a build only: a check writes nothing).</summary>
    public void Save()
    {
        foreach (var (key, header) in _read)
            store.Write(key, Extension, path => File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(header, PhotoFactsJson.Default.PhotoHeader)));
        _read.Clear();
    }

    /// <summary>The store's file name of the header of the photo with <paramref name="sourceHash"/>: what pruning the store keeps.</summary>
    public static string StoredName(string sourceHash) => RenditionStore.FileName(Key(sourceHash), Extension);
}
