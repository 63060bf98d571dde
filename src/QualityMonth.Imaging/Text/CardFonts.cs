using System.Security.Cryptography;
using System.Text;

namespace QualityMonth.Imaging.Text;

/// <summary>A face of the cards' family, by its style, and the font file it is drawn from.</summary>
public sealed record FontFace(string Family, string Style, string File)
{
    /// <summary>Pango's name for the face at a size in points, e.g. <c>Noto Sans CJK SC Bold 72</c>.</summary>
    public string PangoName(int points) => $"{Family} {Style} {points}";
}

/// <summary>A font the share cards need is not installed: a machine problem, reported as a build error.</summary>
/// <param name="Face">The face asked for, e.g. <c>Noto Sans CJK SC Bold</c>.</param>
/// <param name="FileName">The file it comes in, e.g. <c>NotoSansCJK-Bold.ttc</c>.</param>
/// <param name="Folders">The font folders searched for it.</param>
public sealed class MissingFontException(string face, string fileName, IReadOnlyList<string> folders)
    : Exception($"the font {face} is not installed ({fileName} is in none of {string.Join(", ", folders)})")
{
    public string Face { get; } = face;

    public string FileName { get; } = fileName;

    public IReadOnlyList<string> Folders { get; } = folders;
}

/// <summary>
/// The faces share cards are set in: Noto Sans CJK SC, regular and bold, from the files of the Debian package
/// fonts-noto-cjk (Google's "OTC" files of Noto Sans CJK, which hold the Simplified Chinese faces with the others).
/// The files are found in the platform's font folders and given to libvips' <c>text</c> (its <c>fontfile</c>), so a
/// card is drawn from exactly these files; a file not found is an error, because Pango, asked for a family it does
/// not have, silently draws another one (boxes, or a fallback face) instead of failing.
/// </summary>
public sealed class CardFonts
{
    public const string Family = "Noto Sans CJK SC";
    public const string DebianPackage = "fonts-noto-cjk";

    private static readonly Lazy<CardFonts> Installed = new(() => In(FontFolders()), LazyThreadSafetyMode.ExecutionAndPublication);
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

    private static CardFonts In(IReadOnlyList<string> folders) => new(Face("Regular", folders), Face("Bold", folders));

    /// <summary>The face's file (<c>NotoSansCJK-Bold.ttc</c>) in the first folder, or any folder under it, that has it.</summary>
    private static FontFace Face(string style, IReadOnlyList<string> folders)
    {
        var fileName = $"NotoSansCJK-{style}.ttc";
        var search = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 8, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        var file = folders.Where(Directory.Exists).SelectMany(folder => Directory.EnumerateFiles(folder, fileName, search)).FirstOrDefault()
            ?? throw new MissingFontException($"{Family} {style}", fileName, folders);
        return new FontFace(Family, style, file);
    }

    /// <summary>
    /// Where the platform keeps installed fonts. On Linux and other Unix systems the XDG base directories that
    /// fontconfig reads too: <c>$XDG_DATA_HOME/fonts</c> (default <c>~/.local/share/fonts</c>) and <c>fonts</c> in each
    /// of <c>$XDG_DATA_DIRS</c> (default <c>/usr/local/share</c>, <c>/usr/share</c>).
    /// </summary>
    private static List<string> FontFolders()
    {
        if (OperatingSystem.IsWindows())
            return [Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Microsoft", "Windows", "Fonts")];
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
            return [Path.Combine(home, "Library", "Fonts"), "/Library/Fonts", "/System/Library/Fonts"];
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } set ? set : Path.Combine(home, ".local", "share");
        var dataDirs = Environment.GetEnvironmentVariable("XDG_DATA_DIRS") is { Length: > 0 } dirs ? dirs : "/usr/local/share:/usr/share";
        return [.. dataDirs.Split(':', StringSplitOptions.RemoveEmptyEntries).Prepend(dataHome).Select(data => Path.Combine(data, "fonts"))];
    }

    private static string HashFiles(params FontFace[] faces)
    {
        var identities = faces.Select(f => new FileInfo(f.File)).DistinctBy(f => f.FullName)
            .Select(f => $"{f.Name}\u001f{f.Length}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', identities))));
    }
}
