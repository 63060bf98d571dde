using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace QualityMonth.Tests.Search;

/// <summary>
/// Reads the search bundle Pagefind wrote into a built site (<c>pagefind/</c>): its entry file and the
/// fragment it keeps for each indexed page (gzip, the signature <c>pagefind_dcd</c>, then JSON with the
/// page's URL, text, filters and meta), as the browser-side search reads them.
/// </summary>
public sealed class PagefindBundle(string siteOutput)
{
    private const string FragmentSignature = "pagefind_dcd";

    public string Folder { get; } = Path.Combine(siteOutput, "pagefind");

    /// <summary>Each language's entry: <c>hash</c> (of its .pf_meta), <c>wasm</c> (its stemmer, or null) and <c>page_count</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Languages =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pagefind-entry.json"))).RootElement
            .GetProperty("languages").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.Clone());

    public IReadOnlyList<Fragment> Fragments(string language) =>
        [.. Directory.GetFiles(Path.Combine(Folder, "fragment"), $"{language}_*.pf_fragment").Order(StringComparer.Ordinal).Select(Read)];

    private static Fragment Read(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var text = reader.ReadToEnd();
        Assert.StartsWith(FragmentSignature, text);
        var json = JsonDocument.Parse(text[FragmentSignature.Length..]).RootElement;
        return new Fragment(
            json.GetProperty("url").GetString()!,
            json.GetProperty("content").GetString()!,
            json.GetProperty("filters").EnumerateObject().ToDictionary(f => f.Name, f => (IReadOnlyList<string>)[.. f.Value.EnumerateArray().Select(v => v.GetString()!)]),
            json.GetProperty("meta").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetString()!));
    }

    /// <summary>One indexed page as Pagefind recorded it.</summary>
    public sealed record Fragment(string Url, string Content, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters, IReadOnlyDictionary<string, string> Meta);
}
