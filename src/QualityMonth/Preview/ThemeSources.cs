namespace QualityMonth.Preview;

/// <summary>The theme's files the preview watches, and those its assembly is compiled from (<see cref="ThemeCompiler"/>).</summary>
public static class ThemeSources
{
    public const string Folder = "theme";

    /// <summary>Whether <paramref name="sitePath"/> (site-relative) is a file the theme's assembly is compiled from.</summary>
    public static bool IsSource(string sitePath) =>
        sitePath.StartsWith(Folder + "/", StringComparison.Ordinal) && Path.GetExtension(sitePath) is ".razor" or ".cs"
        && !sitePath.Split('/').Any(part => part is "bin" or "obj");

    /// <summary>
    /// Whether a change to <paramref name="sitePath"/> (site-relative) is one the preview rebuilds for: of the theme's folder only
    /// what a build reads (its assets and sources), not what 'dotnet build' writes into bin/ and obj/.
    /// </summary>
    public static bool IsWatched(string sitePath) =>
        !sitePath.StartsWith(Folder + "/", StringComparison.Ordinal)
        || sitePath.StartsWith(Assets.ThemeAssets.Folder + "/", StringComparison.Ordinal) || IsSource(sitePath);
}
