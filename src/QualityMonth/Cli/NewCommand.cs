using System.CommandLine;
using System.CommandLine.Parsing;
using QualityMonth.Content;
using QualityMonth.Model;
using QualityMonth.Scaffold;

namespace QualityMonth.Cli;

/// <summary>
/// <c>new year|notice|activities|activity</c>: content files from the templates in theme/scaffolds/.
/// Prints what it created and every 【待填写】 left to fill in, in Chinese and English; exit 1 when refused.
/// </summary>
public static class NewCommand
{
    public static Command Create(Option<DirectoryInfo> rootOption)
    {
        string Root(ParseResult r) => r.GetValue(rootOption)!.FullName;

        var year = YearArgument();
        var newYear = new Command("year", "Create input/<year>/ with year.yml, notices/provincial.md and slogans.yml") { year, rootOption };
        newYear.SetAction(r => Run(Root(r), s => s.Year(r.GetValue(year))));

        var noticeSlug = SlugArgument("slug", "The notice's file name and address: /<year>/notices/<slug>/");
        var newNotice = new Command("notice", "Create input/<year>/notices/<slug>.md") { year, noticeSlug, rootOption };
        newNotice.SetAction(r => Run(Root(r), s => s.Notice(r.GetValue(year), r.GetValue(noticeSlug)!)));

        var city = SlugOption("--city", "A city from input/site/cities.yml");
        var organiser = SlugOption("--organiser", "An organiser from input/site/organisers.yml");
        var newActivities = new Command("activities", "Create input/<year>/activities/<slug>.yml for a city or an organiser") { year, city, organiser, rootOption };
        newActivities.Validators.Add(result =>
        {
            if ((result.GetResult(city) is null) == (result.GetResult(organiser) is null))
                result.AddError("需要 --city 或 --organiser 中的一个 / give exactly one of --city <slug> or --organiser <slug>");
        });
        newActivities.SetAction(r => Run(Root(r), s => r.GetValue(city) is { } c
            ? s.Activities(r.GetValue(year), HostKind.City, c)
            : s.Activities(r.GetValue(year), HostKind.Organiser, r.GetValue(organiser)!)));

        var host = SlugArgument("host", "The city or organiser whose activities file gets the activity");
        var id = SlugArgument("id", "The activity's id: /activities/<year>/<host>/<id>/");
        var photos = new Option<bool>("--photos") { Description = "Also list the activity's photos" };
        var newActivity = new Command("activity", "Add an activity to the end of a city's or organiser's activities file") { year, host, id, photos, rootOption };
        newActivity.SetAction(r => Run(Root(r), s => s.Activity(r.GetValue(year), r.GetValue(host)!, r.GetValue(id)!, r.GetValue(photos))));

        return new Command("new", "Create content from the templates in theme/scaffolds/: a year, a notice, an activities file, an activity")
        {
            newYear, newNotice, newActivities, newActivity, rootOption,
        };
    }

    private static int Run(string siteRoot, Func<Scaffolder, ScaffoldReport> scaffold)
    {
        ScaffoldReport report;
        try
        {
            report = scaffold(new Scaffolder(siteRoot));
        }
        catch (ScaffoldRefusedException refused)
        {
            Console.Error.WriteLine($"未执行：{refused.Reason.Zh}");
            Console.Error.WriteLine($"refused: {refused.Reason.En}");
            return ExitCodes.ContentError;
        }
        foreach (var file in report.Created) Console.WriteLine($"已创建 / created: {file}");
        foreach (var file in report.Changed) Console.WriteLine($"已添加到 / added to: {file}");
        var placeholders = report.Created.Concat(report.Changed)
            .SelectMany(file => PlaceholderCheck.InFile(siteRoot, Path.Combine(siteRoot, file)))
            .ToList();
        if (placeholders.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"待填写 / to fill in ({placeholders.Count}):");
            foreach (var placeholder in placeholders)
                Console.WriteLine($"  {placeholder.File}:{placeholder.Line}  {placeholder.Field ?? "正文 / text"}");
        }
        Console.WriteLine();
        Console.WriteLine("下一步 / next:");
        foreach (var step in report.Next)
        {
            Console.WriteLine($"  - {step.Zh}");
            Console.WriteLine($"    {step.En}");
        }
        return ExitCodes.Success;
    }

    private static Argument<int> YearArgument() => new("year")
    {
        Description = "The campaign year, e.g. 2026",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (text.Length == 4 && (text.StartsWith("19", StringComparison.Ordinal) || text.StartsWith("20", StringComparison.Ordinal)) && text.All(char.IsAsciiDigit))
                return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            result.AddError($"年份应写成四位数字，如 2026，而不是“{text}” / the year must be four digits, e.g. 2026, not '{text}'");
            return 0;
        },
    };

    private static Argument<string> SlugArgument(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result => CheckSlug(result, name, result.Tokens.Single().Value));
        return argument;
    }

    private static Option<string?> SlugOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1) CheckSlug(result, name, result.Tokens[0].Value);
        });
        return option;
    }

    private static void CheckSlug(SymbolResult result, string name, string text)
    {
        if (!YamlRecord.IsSlug(text))
            result.AddError($"{name}“{text}”只能用小写英文字母、数字和连字符，如 launch-ceremony / {name} '{text}' must be lowercase ASCII letters, digits and hyphens, e.g. launch-ceremony");
    }
}
