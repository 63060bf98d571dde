namespace QualityMonth.Imaging;

/// <summary>
/// A content-addressed store of renditions: one file per <see cref="RenditionKey"/>, named by the key, in one
/// folder of <c>.cache/</c>. An entry is written beside its final name and moved in, so the store never holds
/// half a file; a file present is a rendition made. Entries no build wants any more are pruned.
/// </summary>
public sealed class RenditionStore(string folder)
{
    /// <summary>Names files still being written: prune leaves them alone, they may be another build's.</summary>
    private const string ScratchPrefix = ".tmp-";

    public string Folder { get; } = folder;

    /// <summary>An entry's file name: the key, then the extension, e.g. <c>0a75cfc3fd….avif</c>.</summary>
    public static string FileName(RenditionKey key, string extension) => $"{key.Value}.{extension}";

    public string PathOf(RenditionKey key, string extension) => Path.Combine(Folder, FileName(key, extension));

    public bool Contains(RenditionKey key, string extension) => File.Exists(PathOf(key, extension));

    /// <summary>A scratch path in the store's folder, for <see cref="Commit"/>.</summary>
    public string ScratchPath(string extension)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, $"{ScratchPrefix}{Guid.NewGuid():N}.{extension}");
    }

    /// <summary>Moves a finished scratch file in under its key.</summary>
    public void Commit(string scratch, RenditionKey key, string extension) => File.Move(scratch, PathOf(key, extension), overwrite: true);

    /// <summary>Writes an entry through a scratch file; whatever happens, no scratch file is left behind.</summary>
    public void Write(RenditionKey key, string extension, Action<string> write)
    {
        var scratch = ScratchPath(extension);
        try
        {
            write(scratch);
            Commit(scratch, key, extension);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    /// <summary>Deletes every entry whose file name is not in <paramref name="wanted"/> (scratch files excepted).</summary>
    public void Prune(IReadOnlySet<string> wanted)
    {
        if (!Directory.Exists(Folder)) return;
        foreach (var file in Directory.GetFiles(Folder))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith(ScratchPrefix, StringComparison.Ordinal) && !wanted.Contains(name))
                File.Delete(file);
        }
        // Folders are the per-photo layout of earlier versions: nothing in them is wanted.
        foreach (var old in Directory.GetDirectories(Folder))
            Directory.Delete(old, recursive: true);
    }
}
