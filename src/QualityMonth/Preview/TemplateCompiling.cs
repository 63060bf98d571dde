using System.Diagnostics.CodeAnalysis;

namespace QualityMonth.Preview;

/// <summary>
/// Whether this generator can compile the theme's templates while it runs (the preview's <see cref="ThemeCompiler"/>):
/// loading what it compiled needs .NET's JIT. The native generator (<c>scripts/publish-generator.sh</c>) is compiled with
/// the switch off (QualityMonth.csproj): there the property is the constant false, and the preview, Roslyn and Kestrel are
/// left out of the binary. <c>./build.sh preview</c> runs the generator on the JIT.
/// </summary>
public static class TemplateCompiling
{
    public const string Switch = "QualityMonth.TemplateCompiling.IsSupported";

    /// <summary>Why code that compiles templates may be called where this is true (the analyzers cannot see the switch).</summary>
    public const string OnlyWhenSupported = "only called when " + nameof(TemplateCompiling) + "." + nameof(IsSupported) + ", false in the native generator";

    [FeatureSwitchDefinition(Switch)]
    public static bool IsSupported => !AppContext.TryGetSwitch(Switch, out var on) || on;
}
