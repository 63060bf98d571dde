using System.Runtime.InteropServices;

namespace QualityMonth.Imaging.Text;

/// <summary>
/// The slice of fontconfig's C API needed to ask which file a font name resolves to: the same lookup
/// Pango makes when libvips' <c>text</c> sets type, so what we check is what will be drawn.
/// </summary>
internal static partial class FontConfig
{
    private const string Library = "libfontconfig.so.1";

    private const int MatchPattern = 0;
    private const int ResultMatch = 0;

    [LibraryImport(Library, EntryPoint = "FcConfigGetCurrent")]
    private static partial nint ConfigGetCurrent();

    [LibraryImport(Library, EntryPoint = "FcNameParse", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint NameParse(string name);

    [LibraryImport(Library, EntryPoint = "FcConfigSubstitute")]
    private static partial int ConfigSubstitute(nint config, nint pattern, int kind);

    [LibraryImport(Library, EntryPoint = "FcDefaultSubstitute")]
    private static partial void DefaultSubstitute(nint pattern);

    [LibraryImport(Library, EntryPoint = "FcFontMatch")]
    private static partial nint FontMatch(nint config, nint pattern, out int result);

    [LibraryImport(Library, EntryPoint = "FcPatternGetString", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetString(nint pattern, string property, int index, out nint value);

    [LibraryImport(Library, EntryPoint = "FcPatternDestroy")]
    private static partial void PatternDestroy(nint pattern);

    /// <summary>What fontconfig picks for a name such as <c>Noto Sans CJK SC:style=Bold</c>: never nothing, often a stand-in.</summary>
    /// <returns>The families and styles the chosen face answers to, and its file; null when fontconfig has no font at all.</returns>
    public static (IReadOnlyList<string> Families, IReadOnlyList<string> Styles, string File)? Match(string name)
    {
        var config = ConfigGetCurrent();
        var pattern = NameParse(name);
        if (config == 0 || pattern == 0) return null;
        try
        {
            ConfigSubstitute(config, pattern, MatchPattern);
            DefaultSubstitute(pattern);
            var match = FontMatch(config, pattern, out var result);
            if (match == 0) return null;
            try
            {
                if (result != ResultMatch || Strings(match, "file").FirstOrDefault() is not { } file) return null;
                return (Strings(match, "family"), Strings(match, "style"), file);
            }
            finally
            {
                PatternDestroy(match);
            }
        }
        finally
        {
            PatternDestroy(pattern);
        }
    }

    /// <summary>Every value of a string property (a face has one family name per language, for instance).</summary>
    private static List<string> Strings(nint pattern, string property)
    {
        var values = new List<string>();
        for (var index = 0; PatternGetString(pattern, property, index, out var value) == ResultMatch; index++)
            values.Add(Marshal.PtrToStringUTF8(value) ?? "");
        return values;
    }
}
