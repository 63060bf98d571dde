using System.CommandLine;
using QualityMonth.Cli;
using QualityMonth.Preview;

var rootOption = new Option<DirectoryInfo>("--root") { Description = "The site folder (holds statiq.json, input/, theme/)", DefaultValueFactory = _ => new DirectoryInfo(".") };
var outputOption = new Option<DirectoryInfo?>("--output") { Description = "Where to write the site (default: <root>/output)" };
var portOption = new Option<int>("--port") { Description = "Port on 127.0.0.1 for the preview", DefaultValueFactory = _ => 5080 };
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

string Root(ParseResult r) => r.GetValue(rootOption)!.FullName;
string Output(ParseResult r) => r.GetValue(outputOption)?.FullName ?? Path.Combine(Root(r), "output");
QualityMonth.Diagnostics.MessageLanguage MessagesIn(ParseResult r) => MessageLanguageChoice.Resolve(r.GetValue(langOption), Root(r));
ReportFormat Format(ParseResult r) => r.GetValue(formatOption) switch
{
    "human" => ReportFormat.Human,
    "lines" => ReportFormat.Lines,
    "json" => ReportFormat.Json,
    _ => Reporter.DefaultFormat,
};

var build = new Command("build", "Build the whole site into the output folder (the default command)") { rootOption, outputOption, langOption, formatOption };
build.SetAction((r, _) => BuildCommand.RunAsync(Root(r), Output(r), Format(r), MessagesIn(r)));

var preview = new Command("preview", "Build, serve on 127.0.0.1, rebuild on every change and reload the browser") { rootOption, portOption, langOption };
preview.SetAction((r, token) => PreviewServer.RunAsync(Root(r), r.GetValue(portOption), MessagesIn(r), token));

var check = new Command("check", "Report everything that would make a bad page (the build's checks, pages rendered in memory) without writing anything") { rootOption, langOption, formatOption };
check.SetAction((r, _) => CheckCommand.RunAsync(Root(r), Format(r), MessagesIn(r)));

var root = new RootCommand("Static site generator for Fujian's 质量月 (Quality Month) campaign") { rootOption, outputOption, langOption, formatOption, build, preview, check };
root.SetAction((r, _) => BuildCommand.RunAsync(Root(r), Output(r), Format(r), MessagesIn(r)));

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
return await parsed.InvokeAsync();
