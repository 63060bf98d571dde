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

    /// <summary>
    /// Forgets the bytes held in memory once the site is written to <paramref name="folder"/>: from then on they are read from
    /// there. A build no longer needs its pages once written, and 16,000 of them hold about 250 MB that the search indexer,
    /// run next, can use.
    /// </summary>
    public void ReleaseWrittenTo(string folder)
    {
        foreach (var (path, entry) in _files)
            if (entry.Content is not null) _files[path] = new Entry(null, Path.Combine(folder, path));
    }

    /// <summary>How many bytes of file content are held in memory.</summary>
    internal long BytesHeld => _files.Values.Sum(entry => entry.Content?.LongLength ?? 0);

    /// <summary>The folder the site was released to (<see cref="ReleaseWrittenTo"/>) is now <paramref name="to"/> (the output swapped in).</summary>
    public void WrittenFolderMoved(string from, string to)
    {
        var prefix = from + Path.DirectorySeparatorChar;
        foreach (var (path, entry) in _files)
            if (entry.SourceFile is { } file && file.StartsWith(prefix, StringComparison.Ordinal))
                _files[path] = new Entry(null, Path.Combine(to, file[prefix.Length..]));
    }

    /// <summary>Writes every file under <paramref name="folder"/>.</summary>
    public void WriteTo(string folder)
    {
        if (_files.FirstOrDefault(f => f.Value.IsStandIn) is { Key: { } standIn })
            throw StandInHasNoContent(standIn);
        CreateFolders(folder);
        OnEveryCore(_files.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray(), file => file.Value.WriteTo(Path.Combine(folder, file.Key)));
    }

    /// <summary>Makes every folder the files are in, once each, parents first: not once per file, which cost a failed mkdir(2)
    /// and a stat(2) for every page of a folder already made.</summary>
    private void CreateFolders(string folder)
    {
        foreach (var relative in _files.Keys.SelectMany(ParentFolders).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            Directory.CreateDirectory(Path.Combine(folder, relative));
    }

    /// <summary>
    /// Runs <paramref name="write"/> for every file, on every core: writing thousands of small files is system calls
    /// more than disk, and two cores halve it. A failure stops the writing and is thrown as it is, not wrapped (the callers
    /// tell a full disk from other problems by its type); of several, the one whose path sorts first.
    /// </summary>
    private static void OnEveryCore(KeyValuePair<string, Entry>[] files, Action<KeyValuePair<string, Entry>> write)
    {
        var failures = new Exception?[files.Length];
        Parallel.For(0, files.Length, (index, loop) =>
        {
            try
            {
                write(files[index]);
            }
            catch (Exception e)
            {
                failures[index] = e;
                loop.Stop();
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    /// <summary>
    /// Makes <paramref name="folder"/>, a site an earlier build wrote, hold exactly this site: a file whose bytes are already
    /// right is left as it is, others are written anew, everything else is removed, except the top-level entries in
    /// <paramref name="kept"/> (filled by another step). Nothing there is trusted: a link is removed, never followed, and
    /// only a regular file with no other name is kept, so no write reaches outside the folder.
    /// </summary>
    /// <returns>How many files were written.</returns>
    public int UpdateIn(string folder, IReadOnlySet<string> kept)
    {
        if (_files.FirstOrDefault(f => f.Value.IsStandIn) is { Key: { } standIn })
            throw StandInHasNoContent(standIn);
        var folders = _files.Keys.SelectMany(ParentFolders).ToHashSet(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        RemoveUnwanted(folder, "", kept, folders, present);
        var written = 0;
        CreateFolders(folder);
        OnEveryCore(_files.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray(), file =>
        {
            var target = Path.Combine(folder, file.Key);
            if (present.Contains(file.Key) && file.Value.HasBytesOf(target)) return;
            file.Value.WriteTo(target);
            Interlocked.Increment(ref written);
        });
        return written;
    }

    /// <summary>Removes what this site does not have under <paramref name="folder"/>; records the files it may keep in <paramref name="present"/>.</summary>
    private void RemoveUnwanted(string folder, string relative, IReadOnlySet<string> kept, HashSet<string> folders, HashSet<string> present)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            if (entry.LinkTarget is not null)
                File.Delete(entry.FullName);
            else if (relative.Length == 0 && kept.Contains(path))
                continue;
            else if (entry is DirectoryInfo)
            {
                if (folders.Contains(path)) RemoveUnwanted(entry.FullName, path, kept, folders, present);
                else Directory.Delete(entry.FullName, recursive: true);
            }
            else if (_files.ContainsKey(path) && Imaging.FileIdentity.IsLoneRegularFile(entry.FullName))
                present.Add(path);
            else
                File.Delete(entry.FullName);
        }
    }

    /// <summary>The folders a file's path lies in, e.g. <c>a</c> and <c>a/b</c> for <c>a/b/index.html</c>.</summary>
    private static IEnumerable<string> ParentFolders(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
            yield return path[..slash];
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

        public void WriteTo(string target)
        {
            if (Content is not { } bytes)
            {
                File.Copy(SourceFile!, target, overwrite: true);
                return;
            }
            // Opened, written and closed, nothing more: File.WriteAllBytes also preallocates, which cost each page two more
            // system calls (the pages are thousands of small files).
            using var file = File.OpenHandle(target, FileMode.Create, FileAccess.Write);
            RandomAccess.Write(file, bytes, 0);
        }

        /// <summary>Whether the file <paramref name="target"/> holds exactly this entry's bytes.</summary>
        public bool HasBytesOf(string target)
        {
            if (Content is { } bytes)
                return new FileInfo(target).Length == bytes.LongLength && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes);
            using var existing = File.OpenRead(target);
            using var source = File.OpenRead(SourceFile!);
            if (existing.Length != source.Length) return false;
            Span<byte> left = stackalloc byte[ChunkSize], right = stackalloc byte[ChunkSize];
            for (int read; (read = existing.ReadAtLeast(left, ChunkSize, throwOnEndOfStream: false)) > 0;)
                if (source.ReadAtLeast(right, read, throwOnEndOfStream: false) != read || !left[..read].SequenceEqual(right[..read])) return false;
            return true;
        }

        private const int ChunkSize = 16 * 1024;
    }
}
