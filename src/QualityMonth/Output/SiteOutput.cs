using System.Collections.Concurrent;
using System.Text;

namespace QualityMonth.Output;

/// <summary>The built site in memory: output-relative path → bytes. Written to disk or served as a whole.</summary>
public sealed class SiteOutput
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public void Add(string path, byte[] content)
    {
        if (!_files.TryAdd(path, content))
            throw new InvalidOperationException($"two outputs claim '{path}'");
    }

    public void Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public bool Contains(string path) => _files.ContainsKey(path);

    public bool TryGet(string path, out byte[] content) => _files.TryGetValue(path, out content!);

    public IEnumerable<KeyValuePair<string, byte[]>> Files => _files.OrderBy(f => f.Key, StringComparer.Ordinal);

    public int Count => _files.Count;
}
