using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using QualityMonth.Output;

namespace QualityMonth.Assets;

/// <summary>
/// Copies the theme's static files (theme/assets/) into the site under content-hashed names, so a
/// changed stylesheet gets a new URL and browsers may cache every asset for ever.
/// </summary>
public static partial class ThemeAssets
{
    public const string Folder = "theme/assets";

    /// <returns>The URL of each asset by its file name, e.g. site.css → /assets/site.3f2a9c1b.css.</returns>
    public static IReadOnlyDictionary<string, string> Publish(string siteRoot, SiteOutput output)
    {
        var folder = Path.Combine(siteRoot, Folder);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return urls;
        // Stylesheets last: their url()s to the other assets are rewritten to the fingerprinted names first.
        foreach (var file in Directory.GetFiles(folder).OrderBy(IsStylesheet).ThenBy(f => f, StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetFileName(file);
            if (IsStylesheet(file))
                bytes = Encoding.UTF8.GetBytes(AssetReference().Replace(Encoding.UTF8.GetString(bytes),
                    m => urls.TryGetValue(m.Groups["name"].Value, out var url) ? $"url(\"{url[(url.LastIndexOf('/') + 1)..]}\")" : m.Value));
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
            var hashedName = $"{Path.GetFileNameWithoutExtension(name)}.{hash}{Path.GetExtension(name)}";
            output.Add($"assets/{hashedName}", bytes);
            urls[name] = $"/assets/{hashedName}";
        }
        return urls;
    }

    private static bool IsStylesheet(string file) => file.EndsWith(".css", StringComparison.Ordinal);

    /// <summary>url("cursor-large.svg"): a file beside the stylesheet, which the stylesheet names by its own name.</summary>
    [GeneratedRegex("""url\(\s*"?(?<name>[A-Za-z0-9_-][A-Za-z0-9._-]*)"?\s*\)""")]
    private static partial Regex AssetReference();
}
