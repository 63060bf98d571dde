using System.Security.Cryptography;
using QualityMonth.Output;

namespace QualityMonth.Assets;

/// <summary>
/// Copies the theme's static files (theme/assets/) into the site under content-hashed names, so a
/// changed stylesheet gets a new URL and browsers may cache every asset for ever.
/// </summary>
public static class ThemeAssets
{
    public const string Folder = "theme/assets";

    /// <returns>The URL of each asset by its file name, e.g. site.css → /assets/site.3f2a9c1b.css.</returns>
    public static IReadOnlyDictionary<string, string> Publish(string siteRoot, SiteOutput output)
    {
        var folder = Path.Combine(siteRoot, Folder);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return urls;
        foreach (var file in Directory.GetFiles(folder, "*", Content.SiteTree.WithoutLinks).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetFileName(file);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
            var hashedName = $"{Path.GetFileNameWithoutExtension(name)}.{hash}{Path.GetExtension(name)}";
            output.Add($"assets/{hashedName}", bytes);
            urls[name] = $"/assets/{hashedName}";
        }
        return urls;
    }
}
