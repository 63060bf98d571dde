using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>The data file tests share one build of the real site (they only read it).</summary>
[CollectionDefinition(Name)]
public sealed class DataCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "Data files";
}
