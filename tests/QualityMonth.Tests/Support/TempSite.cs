namespace QualityMonth.Tests.Support;

/// <summary>A scratch copy of a site folder (statiq.json, input/, theme/assets/) that a test may change.</summary>
public sealed class TempSite : IDisposable
{
    public TempSite(string? basePath = null) : this(basePath, warmPhotoCache: true) { }

    private TempSite(string? basePath, bool warmPhotoCache)
    {
        Root = Path.Combine(Path.GetTempPath(), "qm-site-" + Guid.NewGuid().ToString("N")[..12]);
        if (warmPhotoCache && Directory.Exists(WarmCache.Value))
            CopyDirectory(WarmCache.Value, PathOf(".cache"));
        CopyDirectory(Path.Combine(Repo.Root, "input"), Path.Combine(Root, "input"));
        CopyDirectory(Path.Combine(Repo.Root, "theme", "assets"), Path.Combine(Root, "theme", "assets"));
        var settings = File.ReadAllText(Path.Combine(Repo.Root, "statiq.json"));
        if (basePath is not null)
            settings = settings.Replace("\"basePath\": \"/\"", $"\"basePath\": \"{basePath}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Root, "statiq.json"), settings);
    }

    /// <summary>
    /// The photo cache of one build of the real site, copied into every scratch site so that each
    /// test's build does not encode the example photos again (the cache is exercised by its own tests).
    /// </summary>
    private static readonly Lazy<string> WarmCache = new(() =>
    {
        var site = new TempSite(null, warmPhotoCache: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Dispose();
        Generator.Run("build", "--root", site.Root);
        return site.PathOf(".cache");
    });

    public string Root { get; }

    public string Output => Path.Combine(Root, "output");

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    public void Edit(string relative, string find, string replace)
    {
        var text = File.ReadAllText(PathOf(relative));
        if (!text.Contains(find, StringComparison.Ordinal))
            throw new InvalidOperationException($"'{find}' is not in {relative}");
        File.WriteAllText(PathOf(relative), text.Replace(find, replace, StringComparison.Ordinal));
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
