using System.Collections.Concurrent;
using System.Text;

namespace QualityMonth.Output;

/// <summary>
/// The built site: output-relative path → content. Pages live in memory; large files (photos) stay
/// where they were made and are copied when the site is written. A check, which makes no images, holds
/// stand-ins for them: their addresses, so that links to them resolve, without content.
/// </summary>
public sealed class SiteOutput
{
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);

    public void Add(string path, byte[] content) => Add(path, new Entry(content, null));

    public void Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Adds a file whose content is another file on disk (read when written or served).</summary>
    public void AddFile(string path, string sourceFile) => Add(path, new Entry(null, sourceFile));

    /// <summary>Adds the address of a file the build makes but a check does not (an image): links to it resolve.</summary>
    public void AddStandIn(string path) => Add(path, new Entry(null, null));

    public bool Contains(string path) => _files.ContainsKey(path);

    public bool TryGet(string path, out byte[] content)
    {
        content = [];
        if (!_files.TryGetValue(path, out var entry)) return false;
        content = entry.Content ?? File.ReadAllBytes(entry.SourceFile ?? throw StandInHasNoContent(path));
        return true;
    }

    /// <summary>The size in bytes of a file, or null when there is no such file.</summary>
    public long? SizeOf(string path) =>
        _files.TryGetValue(path, out var entry) ? entry.Content?.LongLength ?? new FileInfo(entry.SourceFile ?? throw StandInHasNoContent(path)).Length : null;

    public int Count => _files.Count;

    /// <summary>Every output path, in no particular order.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>A copy that shares the contents: the preview changes a copy and then serves it whole.</summary>
    public SiteOutput Clone()
    {
        var copy = new SiteOutput();
        foreach (var (path, entry) in _files) copy._files[path] = entry;
        return copy;
    }

    /// <summary>Puts <paramref name="source"/>'s file at <paramref name="path"/> here, replacing what was there.</summary>
    public void SetFrom(SiteOutput source, string path) => _files[path] = source._files[path];

    /// <summary>Puts <paramref name="content"/> at <paramref name="path"/>, replacing what was there.</summary>
    public void Set(string path, byte[] content) => _files[path] = new Entry(content, null);

    public void Remove(string path) => _files.TryRemove(path, out _);

    /// <summary>Writes every file under <paramref name="folder"/>.</summary>
    public void WriteTo(string folder)
    {
        if (_files.FirstOrDefault(f => f.Value.IsStandIn) is { Key: { } standIn })
            throw StandInHasNoContent(standIn);
        foreach (var (path, entry) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (entry.Content is { } bytes) File.WriteAllBytes(target, bytes);
            else File.Copy(entry.SourceFile!, target, overwrite: true);
        }
    }

    private void Add(string path, Entry entry)
    {
        if (!_files.TryAdd(path, entry))
            throw new InvalidOperationException($"two outputs claim '{path}'");
    }

    private static InvalidOperationException StandInHasNoContent(string path) =>
        new($"'{path}' is a stand-in from a check: the check's output cannot be written or served");

    private sealed record Entry(byte[]? Content, string? SourceFile)
    {
        public bool IsStandIn => Content is null && SourceFile is null;
    }
}
