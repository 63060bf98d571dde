namespace QualityMonth.Config;

/// <summary>
/// Settings given on the command line for one build, in place of those in <c>statiq.json</c>: a CI
/// build for a host that serves the site elsewhere than the settings say (GitHub Pages under
/// <c>/&lt;repository&gt;/</c>) must not need an edit of the settings file.
/// </summary>
/// <param name="BaseUrl">Replaces <c>baseUrl</c> (<c>--base-url</c>) when set.</param>
/// <param name="BasePath">Replaces <c>basePath</c> (<c>--base-path</c>) when set.</param>
public sealed record SettingsOverrides(string? BaseUrl = null, string? BasePath = null)
{
    public static readonly SettingsOverrides None = new();

    /// <summary>The command-line option that set <paramref name="key"/>, or null when the settings file did.</summary>
    public string? OptionFor(string key) => key switch
    {
        "baseUrl" when BaseUrl is not null => "--base-url",
        "basePath" when BasePath is not null => "--base-path",
        _ => null,
    };
}
