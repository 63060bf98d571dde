using System.CommandLine;
using QualityMonth.Cli;
using QualityMonth.Preview;

var rootOption = new Option<DirectoryInfo>("--root") { Description = "The site folder (holds statiq.json, input/, theme/)", DefaultValueFactory = _ => new DirectoryInfo(".") };
var outputOption = new Option<DirectoryInfo?>("--output") { Description = "Where to write the site (default: <root>/output)" };
var previousOption = new Option<DirectoryInfo?>("--previous")
{
    Description = "The published site this build follows, for what carries over from build to build (calendar SEQUENCE numbers); default: the output folder",
};
var portOption = new Option<int>("--port") { Description = "Port on 127.0.0.1 for the preview", DefaultValueFactory = _ => 5080 };

string Root(ParseResult r) => r.GetValue(rootOption)!.FullName;
string Output(ParseResult r) => r.GetValue(outputOption)?.FullName ?? Path.Combine(Root(r), "output");
string Previous(ParseResult r) => r.GetValue(previousOption)?.FullName ?? Output(r);

var build = new Command("build", "Build the whole site into the output folder (the default command)") { rootOption, outputOption, previousOption };
build.SetAction((r, _) => BuildCommand.RunAsync(Root(r), Output(r), Previous(r)));

var preview = new Command("preview", "Build, serve on 127.0.0.1, rebuild on every change and reload the browser") { rootOption, portOption };
preview.SetAction((r, token) => PreviewServer.RunAsync(Root(r), r.GetValue(portOption), token));

var check = new Command("check", "Report content errors and photo rule violations without building") { rootOption };
check.SetAction(r => CheckCommand.Run(Root(r)));

var root = new RootCommand("Static site generator for Fujian's 质量月 (Quality Month) campaign") { rootOption, outputOption, previousOption, build, preview, check };
root.SetAction((r, _) => BuildCommand.RunAsync(Root(r), Output(r), Previous(r)));

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
