using System.Security.Cryptography;
using System.Text;

namespace QualityMonth.Imaging;

/// <summary>
/// What decides the bytes of a rendition (a photo's web image, a share card): the source's bytes, the
/// rendition's spec, the version of our pipeline and the version of libvips. Nothing else, and never a
/// path on the build machine, so the same input built in any folder, on any machine with the same
/// libvips, gives the same keys, the same file names and the same cache entries.
/// </summary>
/// <param name="SourceHash">SHA-256 of the source's bytes (<see cref="HashOf(Stream)"/>, <see cref="HashOf(string)"/>).</param>
/// <param name="Spec">Everything that shapes the output from that source, e.g. <c>avif-960-q55</c>.</param>
/// <param name="PipelineVersion">Bumped when our processing changes, so every rendition is made again.</param>
/// <param name="LibVipsVersion">The libvips that makes it: an upgrade re-makes every rendition once.</param>
public sealed record RenditionKey(string SourceHash, string Spec, int PipelineVersion, string LibVipsVersion)
{
    /// <summary>A key made by the running libvips.</summary>
    public static RenditionKey For(string sourceHash, string spec, int pipelineVersion) =>
        new(sourceHash, spec, pipelineVersion, LibVips.Version);

    /// <summary>The key as a file name stem: 32 hex digits (128 bits of SHA-256).</summary>
    public string Value { get; } = HashOf($"{SourceHash}\u001f{Spec}\u001f{PipelineVersion}\u001f{LibVipsVersion}")[..32];

    public static string HashOf(Stream source) => Convert.ToHexStringLower(SHA256.HashData(source));

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public override string ToString() => Value;
}
