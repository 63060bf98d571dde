using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("QualityMonth.Tests.Support.LongestFirst", "QualityMonth.Tests")]

namespace QualityMonth.Tests.Support;

/// <summary>
/// Marks a test collection that runs for minutes: its collection definition, or a test class that is a collection of its
/// own. <see cref="LongestFirst"/> starts these first.
/// </summary>
/// <param name="minutes">About how long the collection takes in a whole run on CI's two cores.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute(int minutes) : Attribute
{
    public int Minutes => minutes;
}

/// <summary>
/// Starts the <see cref="LongRunningAttribute">long-running</see> collections first, the longest first, and the others after
/// them in xunit's own order: on two cores the short ones then fill in beside the long ones, instead of a long one starting
/// late and running on alone at the end of the run.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The name xunit gives the collection of a test class without a [Collection] attribute.</summary>
    private const string ClassCollectionPrefix = "Test collection for ";

    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _default.OrderTestCollections(testCollections).OrderByDescending(Minutes);

    private static int Minutes(ITestCollection collection)
    {
        var definition = collection.CollectionDefinition
            ?? (collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal)
                ? collection.TestAssembly.Assembly.GetType(collection.DisplayName[ClassCollectionPrefix.Length..])
                : null);
        var attribute = definition?.GetCustomAttributes(typeof(LongRunningAttribute)).SingleOrDefault();
        return attribute?.GetConstructorArguments().Single() is int minutes ? minutes : 0;
    }
}
