using System.Security.Cryptography;
using System.Text;

namespace QualityMonth.Imaging.Text;

/// <summary>A face fontconfig resolves, by the family and style asked for, and the file it lives in.</summary>
public sealed record FontFace(string Family, string Style, string File)
{
    /// <summary>Pango's name for the face at a size in points, e.g. <c>Noto Sans CJK SC Bold 72</c>.</summary>
    public string PangoName(int points) => $"{Family} {Style} {points}";
}

/// <summary>A font the share cards need is not installed: a machine problem, reported as a build error.</summary>
/// <param name="Face">The face asked for, e.g. <c>Noto Sans CJK SC Bold</c>.</param>
/// <param name="Offered">What fontconfig offers instead (families, styles and file), if anything.</param>
public sealed class MissingFontException(string face, string? offered)
    : Exception($"the font {face} is not installed{(offered is null ? "" : $" (fontconfig offers {offered} instead)")}")
{
    public string Face { get; } = face;

    public string? Offered { get; } = offered;
}

/// <summary>
/// The faces share cards are set in: Noto Sans CJK SC, regular and bold (Debian package fonts-noto-cjk).
/// Looked up as Pango will look them up, because when a font is missing Pango silently draws another one
/// (boxes, or a fallback face) instead of failing.
/// </summary>
public sealed class CardFonts
{
    public const string Family = "Noto Sans CJK SC";
    public const string DebianPackage = "fonts-noto-cjk";

    private static readonly Lazy<CardFonts> Installed = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lazy<string> _filesHash;

    private CardFonts(FontFace regular, FontFace bold)
    {
        Regular = regular;
        Bold = bold;
        _filesHash = new(() => HashFiles(regular, bold));
    }

    public FontFace Regular { get; }

    public FontFace Bold { get; }

    /// <summary>
    /// A hash of the font files' names and sizes: a card made with other fonts is another card. Not of their
    /// folders (no path of the build machine goes into a key), nor of their bytes: hashing the 40 MB of the two
    /// files took longer than the rest of an empty site's build start, and a font update changes their sizes anyway.
    /// </summary>
    public string FilesHash => _filesHash.Value;

    /// <summary>The installed faces (looked up and hashed once per process).</summary>
    /// <exception cref="MissingFontException">A face is not installed.</exception>
    public static CardFonts Find() => Installed.Value;

    private static CardFonts Locate() => new(Face("Regular"), Face("Bold"));

    private static FontFace Face(string style)
    {
        var match = FontConfig.Match($"{Family}:style={style}");
        var found = match is { } m
            && m.Families.Contains(Family, StringComparer.OrdinalIgnoreCase)
            && m.Styles.Contains(style, StringComparer.OrdinalIgnoreCase)
            && File.Exists(m.File);
        if (!found)
            throw new MissingFontException($"{Family} {style}",
                match is { } other ? $"{string.Join('/', other.Families)} {string.Join('/', other.Styles)} from {other.File}" : null);
        return new FontFace(Family, style, match!.Value.File);
    }

    private static string HashFiles(params FontFace[] faces)
    {
        var identities = faces.Select(f => new FileInfo(f.File)).DistinctBy(f => f.FullName)
            .Select(f => $"{f.Name}\u001f{f.Length}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', identities))));
    }
}
