using System.Security.Cryptography;

namespace QualityMonth.Tests.Support;

/// <summary>
/// Every entry under a folder with its content's hash (files), its target (links) or nothing (folders), read without
/// following links: two equal snapshots mean nothing was added, removed or changed, byte for byte.
/// </summary>
public static class FolderSnapshot
{
    public static SortedDictionary<string, string> Of(string folder, Func<string, bool>? include = null)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var folders = new Stack<DirectoryInfo>();
        if (Directory.Exists(folder)) folders.Push(new DirectoryInfo(folder));
        while (folders.TryPop(out var current))
            foreach (var entry in current.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                var relative = Path.GetRelativePath(folder, entry.FullName);
                if (include is not null && !include(relative)) continue;
                if (entry.LinkTarget is { } target)
                    entries[relative] = "link " + target;
                else if (entry is DirectoryInfo directory)
                {
                    entries[relative] = "folder";
                    folders.Push(directory);
                }
                else
                    entries[relative] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
            }
        return entries;
    }
}
