using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Cli;

/// <summary>
/// Which language problems and summaries are reported in: <c>--lang zh|en</c>, else the site's
/// <c>"messages"</c> setting in statiq.json, else the environment's locale, else English.
/// </summary>
public static class MessageLanguageChoice
{
    /// <summary>The values <c>--lang</c> takes.</summary>
    public static readonly IReadOnlyDictionary<string, Locale> Options = new Dictionary<string, Locale>
    {
        ["zh"] = Locale.Chinese,
        ["en"] = Locale.English,
    };

    /// <summary>
    /// The locale variables in the order POSIX gives them precedence, then gettext's LANGUAGE: the first one set
    /// decides, Chinese when it starts with <c>zh</c> (zh_CN.UTF-8, zh_TW, zh).
    /// </summary>
    public static readonly IReadOnlyList<string> EnvironmentVariables = ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"];

    /// <param name="option">The value of <c>--lang</c>, if given (already one of <see cref="Options"/>).</param>
    /// <param name="environment">Reads an environment variable (the process's own, or a test's).</param>
    public static Locale Resolve(string? option, string siteRoot, Func<string, string?> environment)
    {
        if (option is not null) return Options[option];
        // statiq.json is read once more, quietly: its problems are reported by the run itself, in the language chosen here.
        if (SettingsLoader.Load(siteRoot, new DiagnosticBag())?.Messages is { } setting) return setting;
        foreach (var name in EnvironmentVariables)
            if (environment(name) is { Length: > 0 } value)
                return value.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Locale.Chinese : Locale.English;
        return Locale.English;
    }

    public static Locale Resolve(string? option, string siteRoot) => Resolve(option, siteRoot, Environment.GetEnvironmentVariable);
}
