using System.CommandLine;
using System.CommandLine.Parsing;
using QualityMonth.Build;
using QualityMonth.Cli;
using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Preview;

PhaseTimings.Mark("runtime start");
var rootOption = new Option<DirectoryInfo>("--root") { Description = "The site folder (holds statiq.json, input/, theme/)", DefaultValueFactory = _ => new DirectoryInfo(".") };
var outputOption = new Option<DirectoryInfo?>("--output") { Description = "Where to write the site (default: <root>/output)" };
var previousOption = new Option<DirectoryInfo?>("--previous")
{
    Description = "The published site this build follows, for what carries over from build to build (calendar SEQUENCE numbers); default: the output folder",
};
var portOption = new Option<int>("--port") { Description = "Port on 127.0.0.1 for the preview", DefaultValueFactory = _ => 5080 };
var noWarmUpOption = new Option<bool>("--no-template-warm-up")
{
    Description = "Do not load the template compiler in the background once the preview serves (saves ~300 MB; the first template save then takes seconds longer)",
};
// For a host that serves the site elsewhere than statiq.json says (a CI build for GitHub or GitLab Pages).
var baseUrlOption = new Option<string?>("--base-url") { Description = "Build for this host instead of statiq.json's baseUrl, e.g. https://example.github.io" };
var basePathOption = new Option<string?>("--base-path") { Description = "Build for this sub-path instead of statiq.json's basePath, e.g. /quality-month/" };
baseUrlOption.Validators.Add(result => Reject(result, SettingsLoader.BaseUrlProblem));
basePathOption.Validators.Add(result => Reject(result, SettingsLoader.BasePathProblem));
var langOption = new Option<string?>("--lang")
{
    Description = "Language of the messages: zh or en (default: \"messages\" in statiq.json, else LC_ALL/LC_MESSAGES/LANG/LANGUAGE, else en)",
};
langOption.AcceptOnlyFromAmong([.. MessageLanguageChoice.Options.Keys]);
var formatOption = new Option<string?>("--format")
{
    Description = "How problems are printed: human (grouped by file), lines (one 'path:line: error: message [code]' each) or json (default: human on a terminal, else lines)",
};
formatOption.AcceptOnlyFromAmong("human", "lines", "json");
var timingsOption = new Option<bool>("--timings") { Description = "Print where the time goes, step by step, to standard error (for profiling)", Recursive = true };

// Option values are checked while parsing, before --lang is known: the site in the current folder, or the environment, decides.
static Locale UsageLanguage() => MessageLanguageChoice.Resolve(null, Directory.GetCurrentDirectory());

static void Reject(OptionResult result, Func<string, Message?> problemOf)
{
    if (result.GetValueOrDefault<string?>() is { } value && problemOf(value) is { } problem)
        result.AddError(SettingsMessages.GivenByOption(result.IdentifierToken?.Value ?? result.Option.Name, problem).In(UsageLanguage()));
}

string Root(ParseResult r) => r.GetValue(rootOption)!.FullName;
string Output(ParseResult r) => r.GetValue(outputOption)?.FullName ?? Path.Combine(Root(r), "output");
SettingsOverrides Overrides(ParseResult r) => new(r.GetValue(baseUrlOption), r.GetValue(basePathOption));
string Previous(ParseResult r) => r.GetValue(previousOption)?.FullName ?? Output(r);
Locale MessagesIn(ParseResult r) => MessageLanguageChoice.Resolve(r.GetValue(langOption), Root(r));
ReportFormat Format(ParseResult r) => r.GetValue(formatOption) switch
{
    "human" => ReportFormat.Human,
    "lines" => ReportFormat.Lines,
    "json" => ReportFormat.Json,
    _ => Reporter.DefaultFormat,
};
Task<int> Build(ParseResult r) => BuildCommand.RunAsync(Root(r), Output(r), Previous(r), Overrides(r), Format(r), MessagesIn(r));

var build = new Command("build", "Build the whole site into the output folder (the default command)")
    { rootOption, outputOption, previousOption, baseUrlOption, basePathOption, langOption, formatOption };
build.SetAction((r, _) => Build(r));

var preview = new Command("preview", "Build, serve on 127.0.0.1, rebuild on every change and reload the browser")
    { rootOption, previousOption, portOption, langOption, noWarmUpOption };
preview.SetAction((r, token) =>
{
    // The native generator has no preview: the branch below is left out of it, Kestrel and Roslyn with it.
    if (!TemplateCompiling.IsSupported)
    {
        Console.Error.WriteLine(ReportStrings.For(MessagesIn(r)).PreviewNeedsJit);
        return Task.FromResult(2);
    }
    return PreviewServer.RunAsync(Root(r), r.GetValue(portOption), MessagesIn(r), Previous(r), warmUpTemplates: !r.GetValue(noWarmUpOption), token);
});

var check = new Command("check", "Report everything that would make a bad page (the build's checks, pages rendered in memory) without writing anything")
    { rootOption, baseUrlOption, basePathOption, langOption, formatOption };
check.SetAction((r, _) => CheckCommand.RunAsync(Root(r), Overrides(r), Format(r), MessagesIn(r)));

var root = new RootCommand("Static site generator for Fujian's 质量月 (Quality Month) campaign")
    { rootOption, outputOption, previousOption, baseUrlOption, basePathOption, langOption, formatOption, timingsOption, build, preview, check, NewCommand.Create(rootOption) };
root.SetAction((r, _) => Build(r));

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // The options did not parse, so neither did --lang: the site in the current folder, or the environment, decides.
    var strings = ReportStrings.For(MessageLanguageChoice.Resolve(null, Directory.GetCurrentDirectory()));
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine(strings.UsageError(error.Message));
    Console.Error.WriteLine(strings.UsageHelp);
    return ExitCodes.UsageError;
}
if (!Directory.Exists(Root(parsed)))
{
    var strings = ReportStrings.For(MessagesIn(parsed));
    Console.Error.WriteLine(strings.UsageError(strings.NoSiteFolder(Root(parsed))));
    return ExitCodes.UsageError;
}
// A mistyped --previous would silently restart every calendar event at SEQUENCE 0.
if (parsed.GetValue(previousOption) is { Exists: false } previous)
{
    var strings = ReportStrings.For(MessagesIn(parsed));
    Console.Error.WriteLine(strings.UsageError(strings.NoPreviousFolder(previous.FullName)));
    return ExitCodes.UsageError;
}
if (parsed.GetValue(timingsOption)) BuildTimings.Enable();
PhaseTimings.Mark("parse command line");
var exitCode = await parsed.InvokeAsync();
PhaseTimings.Report();
return exitCode;
