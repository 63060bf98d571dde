using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using QualityMonth.Model;
using QualityMonth.Theme;

namespace QualityMonth.Render;

/// <summary>
/// The theme pages are rendered with: the one compiled into the generator (<see cref="BuiltIn"/>), or one the preview
/// compiled from the theme's files and loaded into a collectible context of its own (Preview/ThemeCompiler.cs). The page
/// plan names components by the built-in theme's types; here they are mapped, by full name, to this theme's.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = KeptWhole)]
[UnconditionalSuppressMessage("Trimming", "IL2073", Justification = KeptWhole)]
public sealed class CompiledTheme
{
    /// <summary>Why reflection over the theme is safe in the native generator, which keeps only what its code reaches.</summary>
    private const string KeptWhole = "the native generator keeps the built-in theme's assembly whole (TrimmerRootAssembly in QualityMonth.csproj); a compiled theme is only loaded on the JIT";

    public static CompiledTheme BuiltIn { get; } = new(typeof(PageContext).Assembly, context: null);

    private readonly Assembly _assembly;
    private readonly AssemblyLoadContext? _context;
    private readonly ConcurrentDictionary<Type, Type> _components = new();

    /// <summary>The built-in theme's types the engine names: every page kind's component (<see cref="SitePage{TComponent}"/>) and <see cref="Theme.PageContext"/>.</summary>
    private static readonly Lazy<Type[]> NamedTypes = new(() =>
    [
        .. typeof(SitePage).Assembly.GetTypes()
            .Select(type => type.BaseType)
            .Where(type => type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(SitePage<>))
            .Select(type => type!.GetGenericArguments()[0])
            .Distinct(),
        typeof(PageContext),
    ]);

    /// <param name="context">The collectible context <paramref name="assembly"/> was loaded into; null for the built-in theme.</param>
    public CompiledTheme(Assembly assembly, AssemblyLoadContext? context)
    {
        _assembly = assembly;
        _context = context;
    }

    /// <summary>The types the engine names that this theme does not have (a page component renamed or removed).</summary>
    public IEnumerable<Type> Missing() => NamedTypes.Value.Where(type => _assembly.GetType(type.FullName!) is null);

    /// <summary>This theme's type of the built-in theme's <paramref name="component"/> (a component, or <see cref="Theme.PageContext"/>).</summary>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)]
    public Type Component(Type component) => _components.GetOrAdd(component, Map);

    /// <summary>The <c>Ctx</c> every component of this theme is given: its own <see cref="PageContext"/> type.</summary>
    public object PageContext(Site site, Language language, string path, IReadOnlyDictionary<string, string> assetUrls,
        IReadOnlyDictionary<PhotoRef, ProcessedPhoto> photos) =>
        _context is null
            ? new PageContext(site, language, path, assetUrls, photos)
            : Activator.CreateInstance(Component(typeof(PageContext)), site, language, path, assetUrls, photos)!;

    /// <summary>Lets the runtime free this theme's code once nothing renders with it any more (not the built-in theme).</summary>
    public void Unload() => _context?.Unload();

    private Type Map(Type builtIn) =>
        _context is null ? builtIn
        : _assembly.GetType(builtIn.FullName!) ?? throw new InvalidOperationException($"the compiled theme has no {builtIn.FullName}");
}
