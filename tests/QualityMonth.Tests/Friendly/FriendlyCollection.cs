using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>The share-image and age-friendly markup tests share one build of the real site.</summary>
[CollectionDefinition(Name)]
public sealed class FriendlyCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "Friendly";
}

/// <summary>The real content, loaded by the tests to know what the site should show.</summary>
public static class RealContent
{
    public static Site Site { get; } = ContentLoader.Load(Repo.Root, new DiagnosticBag())
        ?? throw new InvalidOperationException("the real content does not load");

    public static IReadOnlyList<Slogan> Slogans { get; } = [.. Site.Years.SelectMany(y => y.Slogans?.Slogans ?? [])];

    /// <summary>Where a slogan's share card is in the output folder: share/2024/slogan-3.png.</summary>
    public static string CardFile(Slogan slogan) => $"share/{slogan.Year}/slogan-{slogan.Number}.png";

    public const string SiteCardFile = "share/site.png";
}
