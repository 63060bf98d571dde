using System.Security.Cryptography;
using System.Text;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// A copy of the real site built once, into which each case of <see cref="RefusedContentTests"/> writes its bad file,
/// builds again and puts the file back: the previous output must come out of every failed build byte for byte.
/// </summary>
public sealed class RefusedContentSite : IDisposable
{
    public RefusedContentSite()
    {
        var first = Generator.Run("build", "--root", Site.Root);
        if (first.ExitCode != 0) throw new InvalidOperationException("the real site did not build:\n" + first.All);
        Output = Snapshot();
    }

    /// <summary>
    /// The generator's environment for hostile input: at most 1 GiB of managed heap, so that a file that makes it
    /// expand something (a billion-laughs YAML file once took 17.5 GB) fails the test instead of the machine.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> MemoryBound = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x40000000" };

    public TempSite Site { get; } = new();

    /// <summary>Every file of the good build's output and its SHA-256.</summary>
    public SortedDictionary<string, string> Output { get; }

    /// <summary>
    /// Builds with <paramref name="file"/> holding <paramref name="bytes"/> (messages in English, one per line), then
    /// restores it. <paramref name="options"/> go to the command line (e.g. another <c>--output</c>).
    /// </summary>
    public Generator.Result BuildWith(string file, byte[] bytes, params string[] options)
    {
        var path = Site.PathOf(file);
        var original = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes);
        try
        {
            return Generator.Run(MemoryBound, ["build", "--root", Site.Root, "--format", "lines", "--lang", "en", .. options]);
        }
        finally
        {
            File.WriteAllBytes(path, original);
        }
    }

    public byte[] Read(string file) => File.ReadAllBytes(Site.PathOf(file));

    public SortedDictionary<string, string> Snapshot() =>
        new(Directory.GetFiles(Site.Output, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(Site.Output, f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    public static int LineOf(byte[] text, string marker)
    {
        var lines = Encoding.UTF8.GetString(text).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException($"'{marker}' is not in the file");
        return index + 1;
    }

    public void Dispose() => Site.Dispose();
}
