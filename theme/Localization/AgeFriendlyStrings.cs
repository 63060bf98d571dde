namespace QualityMonth.Theme.Localization;

/// <summary>The age-friendly mode's interface strings (长辈模式), one instance per language.</summary>
public sealed record AgeFriendlyStrings
{
    /// <summary>The header switch's label; its on/off state is the switch's own (a checkbox with role switch).</summary>
    public required string SwitchLabel { get; init; }

    public static AgeFriendlyStrings For(string languageCode) => languageCode == "en" ? English : Chinese;

    private static readonly AgeFriendlyStrings Chinese = new()
    {
        SwitchLabel = "长辈模式",
    };

    private static readonly AgeFriendlyStrings English = new()
    {
        SwitchLabel = "Large text",
    };
}
