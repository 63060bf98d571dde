using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using QualityMonth.Build;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Render;

namespace QualityMonth.Preview;

/// <summary>
/// Compiles the theme's templates and C# files in the preview, as <c>dotnet build</c> would: Roslyn drives the Razor source
/// generator of the .NET SDK the repository builds with, given the options the SDK's MSBuild targets give it
/// (Microsoft.NET.Sdk.Razor.SourceGenerators.targets), against the assemblies the built-in theme was compiled against.
/// The assembly is loaded into a collectible context that takes everything else (the model's types) from the generator's.
/// Only the preview calls this, so a build never loads Roslyn; only a generator on the JIT can (<see cref="TemplateCompiling"/>).
/// </summary>
[RequiresUnreferencedCode(Unsupported)]
[RequiresDynamicCode(Unsupported)]
[UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "only on the JIT (" + nameof(TemplateCompiling) + "), whose assemblies are files")]
public sealed class ThemeCompiler(string siteRoot)
{
    private const string Unsupported = "compiles and loads an assembly: only on the JIT (TemplateCompiling.IsSupported)";

    /// <summary>As the SDK's targets for net10.0 set it (Sdk.Razor.CurrentVersion.targets).</summary>
    private const string RazorLangVersion = "10.0";

    /// <summary>The built-in theme's project (QualityMonth.Theme.csproj).</summary>
    private const string RootNamespace = "QualityMonth.Theme";

    /// <summary>The SDK's implicit usings for a library (Microsoft.NET.Sdk.CSharp.props).</summary>
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        // The shared frameworks the theme targets (Microsoft.NETCore.App, Microsoft.AspNetCore.App) and the model.
        .. new[] { typeof(object), typeof(ComponentBase) }
            .Select(t => Path.GetDirectoryName(t.Assembly.Location)!)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll"))
            .Where(IsManagedAssembly)
            .Select(file => MetadataReference.CreateFromFile(file)),
        MetadataReference.CreateFromFile(typeof(Site).Assembly.Location),
    ]);

    /// <summary>As the SDK's Razor targets set them for net10.0 (Sdk.Razor.CurrentVersion.targets: the Roslyn tokenizer).</summary>
    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithFeatures([new("use-roslyn-tokenizer", "true")]);

    /// <summary>Kept between compiles: the Razor generator is incremental, and re-uses what it found in the references.</summary>
    private GeneratorDriver? _driver;

    /// <summary>The theme compiled from its files, or null with an error for each problem the compiler found.</summary>
    /// <param name="onThisThread">Compile on the calling thread alone, not on every core (a compile in the background).</param>
    public CompiledTheme? Compile(DiagnosticBag diagnostics, bool onThisThread = false)
    {
        ImmutableArray<ISourceGenerator>? found;
        using (BuildTimings.Measure("compile-theme-load-generators"))
            found = SdkGenerators.Find(siteRoot, diagnostics);
        if (found is not { } generators) return null;
        var themeFolder = Path.Combine(siteRoot, ThemeSources.Folder);
        var files = Directory.EnumerateFiles(themeFolder, "*", SearchOption.AllDirectories)
            .Select(file => (Full: file, Site: Path.GetRelativePath(siteRoot, file).Replace('\\', '/')))
            .Where(file => ThemeSources.IsSource(file.Site))
            .OrderBy(file => file.Site, StringComparer.Ordinal)
            .ToList();
        var templates = files.Where(f => f.Site.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => (AdditionalText)new TemplateText(f.Full, File.ReadAllText(f.Full))).ToImmutableArray();
        var trees = files.Where(f => f.Site.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f.Full), Encoding.UTF8), ParseOptions, f.Full))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "ImplicitUsings.g.cs"));

        var compilation = CSharpCompilation.Create(RootNamespace, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug, concurrentBuild: !onThisThread));
        _driver = (_driver ?? CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions,
                optionsProvider: new RazorOptions(themeFolder)))
            .ReplaceAdditionalTexts(templates);
        Compilation generated;
        ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> generatorDiagnostics;
        using (BuildTimings.Measure("compile-theme-razor"))
            _driver = _driver.RunGeneratorsAndUpdateCompilation(compilation, out generated, out generatorDiagnostics);

        using var assembly = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted;
        using (BuildTimings.Measure("compile-theme-csharp"))
            emitted = generated.Emit(assembly);
        // Warnings are errors, as in the theme's project (Directory.Build.props).
        var problems = generatorDiagnostics.Concat(emitted.Diagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error || d is { Severity: DiagnosticSeverity.Warning, IsSuppressed: false })
            .ToList();
        foreach (var problem in problems)
        {
            var span = problem.Location.GetMappedLineSpan();
            var file = span.IsValid && span.Path.Length > 0 ? Path.GetRelativePath(siteRoot, span.Path).Replace('\\', '/') : ThemeSources.Folder;
            diagnostics.Error(file, span.IsValid ? span.StartLinePosition.Line + 1 : 0,
                BuildMessages.ThemeCompileError(problem.Id, problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (problems.Count > 0 || !emitted.Success) return null;
        var context = new AssemblyLoadContext("theme " + DateTime.UtcNow.ToString("HH:mm:ss.fff"), isCollectible: true);
        assembly.Position = 0;
        var theme = new CompiledTheme(context.LoadFromStream(assembly), context);
        var missing = theme.Missing().ToList();
        foreach (var type in missing)
            diagnostics.Error(type == typeof(Theme.PageContext) ? $"{ThemeSources.Folder}/PageContext.cs" : PageLinks.TemplateFile(type), 0, BuildMessages.ThemeTypeMissing(type.FullName!));
        if (missing.Count == 0) return theme;
        theme.Unload();
        return null;
    }

    private static bool IsManagedAssembly(string file)
    {
        try
        {
            AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>A .razor file, as the compiler is given it (an additional file).</summary>
    private sealed class TemplateText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>
    /// The options MSBuild gives the Razor generator (the CompilerVisibleProperty and CompilerVisibleItemMetadata of
    /// Microsoft.NET.Sdk.Razor.SourceGenerators.targets): each template's path in the project, base64-encoded as the
    /// targets' EncodeRazorInputItem task does, and no CSS scope (the theme has no .razor.css files).
    /// </summary>
    private sealed class RazorOptions(string themeFolder) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.RazorLangVersion"] = RazorLangVersion,
            ["build_property.RootNamespace"] = RootNamespace,
            ["build_property.MSBuildProjectDirectory"] = themeFolder,
            ["build_property.SupportLocalizedComponentNames"] = "",
            ["build_property.GenerateRazorMetadataSourceChecksumAttributes"] = "",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.TargetPath"] =
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Path.GetRelativePath(themeFolder, textFile.Path).Replace('\\', '/'))),
            ["build_metadata.AdditionalFiles.CssScope"] = "",
        });

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }

    /// <summary>
    /// The source generators a build of the theme runs: the Razor generator of the .NET SDK that <c>dotnet</c> picks in the
    /// site's folder (global.json), and those every .NET project is given (Microsoft.NETCore.App.Ref's analyzers:
    /// the theme's [GeneratedRegex] methods).
    /// </summary>
    [RequiresUnreferencedCode(Unsupported)]
    [RequiresDynamicCode(Unsupported)]
    private static class SdkGenerators
    {
        private static ImmutableArray<ISourceGenerator>? _loaded;

        public static ImmutableArray<ISourceGenerator>? Find(string siteRoot, DiagnosticBag diagnostics)
        {
            if (_loaded is not null) return _loaded;
            var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            var version = SdkVersion(dotnetRoot, siteRoot);
            var razorFolder = Path.Combine(dotnetRoot, "sdk", version ?? "?", "Sdks", "Microsoft.NET.Sdk.Razor", "source-generators");
            var razorCompiler = Path.Combine(razorFolder, "Microsoft.CodeAnalysis.Razor.Compiler.dll");
            var runtimePack = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", RuntimeVersion(), "analyzers", "dotnet", "cs");
            if (version is null || !File.Exists(razorCompiler) || !Directory.Exists(runtimePack))
            {
                diagnostics.Error(ThemeSources.Folder, 0, BuildMessages.RazorCompilerMissing(version is null || !File.Exists(razorCompiler) ? razorCompiler : runtimePack));
                return null;
            }
            return _loaded = [.. Load(razorFolder, [razorCompiler]), .. Load(runtimePack, Directory.GetFiles(runtimePack, "*.dll"))];
        }

        [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "the SDK's generators are loaded from its files, never trimmed")]
        private static IEnumerable<ISourceGenerator> Load(string folder, IEnumerable<string> files)
        {
            var context = new GeneratorLoadContext(folder);
            return files.Select(context.LoadFromAssemblyPath)
                .SelectMany(LoadableTypes)
                .Where(type => !type.IsAbstract && type.GetCustomAttribute<GeneratorAttribute>() is { } generator && generator.Languages.Contains(LanguageNames.CSharp))
                .Select(type => Activator.CreateInstance(type) switch
                {
                    IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                    var generator => (ISourceGenerator)generator!,
                })
                .ToList();
        }

        /// <summary>An assembly's types but those that need what the compiler does not have (code fixes need Roslyn's Workspaces).</summary>
        private static IEnumerable<Type> LoadableTypes(Assembly assembly)
        {
            try { return assembly.GetTypes(); }
            catch (ReflectionTypeLoadException partly) { return partly.Types.OfType<Type>(); }
        }

        /// <summary>The running runtime's version, whose reference pack the SDK compiles against (e.g. 10.0.12).</summary>
        private static string RuntimeVersion() => Path.GetFileName(Path.GetDirectoryName(typeof(object).Assembly.Location)!);

        /// <summary>What <c>dotnet --version</c> says in the site's folder: the SDK its global.json selects.</summary>
        private static string? SdkVersion(string dotnetRoot, string siteRoot)
        {
            var start = new ProcessStartInfo(Path.Combine(dotnetRoot, "dotnet"), "--version")
            {
                WorkingDirectory = siteRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                using var process = Process.Start(start)!;
                var version = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                return process.ExitCode == 0 && version.Length > 0 ? version : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }

        /// <summary>A generator's own files from its folder; Roslyn from the generator's (one compiler, whose types they implement).</summary>
        private sealed class GeneratorLoadContext(string folder) : AssemblyLoadContext("source generators " + folder)
        {
            [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "the SDK's generators are loaded from its files, never trimmed")]
            protected override Assembly? Load(AssemblyName name)
            {
                if (name.Name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp") return Default.LoadFromAssemblyName(new AssemblyName(name.Name));
                var file = Path.Combine(folder, name.Name + ".dll");
                return File.Exists(file) ? LoadFromAssemblyPath(file) : null;
            }
        }
    }
}
