namespace QualityMonth.Tests.Support;

/// <summary>Locations in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "statiq.json")) && Directory.Exists(Path.Combine(dir.FullName, "input")))
                return dir.FullName;
        throw new InvalidOperationException("could not find the repository root (statiq.json) above " + AppContext.BaseDirectory);
    }
}
