using System.CommandLine;
using System.CommandLine.Parsing;
using QualityMonth.Cli;
using QualityMonth.Config;
using QualityMonth.Preview;

var rootOption = new Option<DirectoryInfo>("--root") { Description = "The site folder (holds statiq.json, input/, theme/)", DefaultValueFactory = _ => new DirectoryInfo(".") };
var outputOption = new Option<DirectoryInfo?>("--output") { Description = "Where to write the site (default: <root>/output)" };
var previousOption = new Option<DirectoryInfo?>("--previous")
{
    Description = "The published site this build follows, for what carries over from build to build (calendar SEQUENCE numbers); default: the output folder",
};
var portOption = new Option<int>("--port") { Description = "Port on 127.0.0.1 for the preview", DefaultValueFactory = _ => 5080 };
// For a host that serves the site elsewhere than statiq.json says (a CI build for GitHub or GitLab Pages).
var baseUrlOption = new Option<string?>("--base-url") { Description = "Build for this host instead of statiq.json's baseUrl, e.g. https://example.github.io" };
var basePathOption = new Option<string?>("--base-path") { Description = "Build for this sub-path instead of statiq.json's basePath, e.g. /quality-month/" };
baseUrlOption.Validators.Add(result => Reject(result, SettingsLoader.BaseUrlProblem));
basePathOption.Validators.Add(result => Reject(result, SettingsLoader.BasePathProblem));

static void Reject(OptionResult result, Func<string, string?> problemOf)
{
    if (result.GetValueOrDefault<string?>() is { } value && problemOf(value) is { } problem)
        result.AddError($"{result.IdentifierToken?.Value ?? "option"}: {problem}");
}

string Root(ParseResult r) => r.GetValue(rootOption)!.FullName;
string Output(ParseResult r) => r.GetValue(outputOption)?.FullName ?? Path.Combine(Root(r), "output");
SettingsOverrides Overrides(ParseResult r) => new(r.GetValue(baseUrlOption), r.GetValue(basePathOption));
string Previous(ParseResult r) => r.GetValue(previousOption)?.FullName ?? Output(r);

var build = new Command("build", "Build the whole site into the output folder (the default command)") { rootOption, outputOption, previousOption, baseUrlOption, basePathOption };
build.SetAction((r, _) => BuildCommand.RunAsync(Root(r), Output(r), Previous(r), Overrides(r)));

var preview = new Command("preview", "Build, serve on 127.0.0.1, rebuild on every change and reload the browser") { rootOption, portOption };
preview.SetAction((r, token) => PreviewServer.RunAsync(Root(r), r.GetValue(portOption), token));

var check = new Command("check", "Report content errors and photo rule violations without building") { rootOption };
check.SetAction(r => CheckCommand.Run(Root(r)));

var root = new RootCommand("Static site generator for Fujian's 质量月 (Quality Month) campaign") { rootOption, outputOption, previousOption, baseUrlOption, basePathOption, build, preview, check, NewCommand.Create(rootOption) };
root.SetAction((r, _) => BuildCommand.RunAsync(Root(r), Output(r), Previous(r), Overrides(r)));

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"usage error: {error.Message}");
    Console.Error.WriteLine("Run with --help for the commands and options.");
    return ExitCodes.UsageError;
}
if (!Directory.Exists(Root(parsed)))
{
    Console.Error.WriteLine($"usage error: the site folder '{Root(parsed)}' does not exist");
    return ExitCodes.UsageError;
}
// A mistyped --previous would silently restart every calendar event at SEQUENCE 0.
if (parsed.GetValue(previousOption) is { Exists: false } previous)
{
    Console.Error.WriteLine($"usage error: the previous site folder '{previous.FullName}' does not exist");
    return ExitCodes.UsageError;
}
return await parsed.InvokeAsync();
