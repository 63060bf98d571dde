using System.Globalization;
using AngleSharp.Dom;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Activities;

/// <summary>Static facet pages with counts, and the charts, checked against the YAML content.</summary>
public sealed class BrowsePageTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    public static TheoryData<string, string> FacetValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var year in ContentYaml.Activities.Select(a => a.Year).Distinct()) data.Add("year", year.ToString(CultureInfo.InvariantCulture));
        foreach (var city in ContentYaml.Activities.Where(a => a.HostKind == "city").Select(a => a.Host).Distinct()) data.Add("city", city);
        foreach (var organiser in ContentYaml.Activities.Where(a => a.HostKind == "organiser").Select(a => a.Host).Distinct()) data.Add("organiser", organiser);
        foreach (var kind in ContentYaml.KindNames.Keys) data.Add("kind", kind);
        return data;
    }

    [Theory, MemberData(nameof(FacetValues))]
    public void A_facet_page_lists_exactly_the_matching_activities(string facet, string value)
    {
        var expected = ContentYaml.Activities.Where(a => Matches(a, facet, value)).Select(a => a.Path).ToHashSet();
        foreach (var prefix in new[] { "", "/en" })
        {
            var page = site.Page($"{prefix}/activities/{facet}/{value}/");
            var listed = page.QuerySelectorAll("main .activity-list a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(expected.Select(p => prefix + p).ToHashSet(), listed.ToHashSet());
            Assert.Equal(listed.Count, listed.Distinct().Count());
        }
    }

    [Fact]
    public void The_browse_page_lists_every_activity_and_every_facet_value_with_its_count()
    {
        var page = site.Page("/activities/");
        Assert.Equal(ContentYaml.Activities.Select(a => a.Path).ToHashSet(),
            page.QuerySelectorAll("#all-activities a").Select(a => a.GetAttribute("href")!).ToHashSet());
        foreach (var (facet, value) in FacetValues().Select(row => ((string)row[0], (string)row[1])))
        {
            var link = page.QuerySelector($".facets a[href='/activities/{facet}/{value}/']");
            Assert.True(link is not null, $"no facet link for {facet}={value}");
            var count = int.Parse(link.ParentElement!.QuerySelector(".count")!.TextContent, CultureInfo.InvariantCulture);
            Assert.Equal(ContentYaml.Activities.Count(a => Matches(a, facet, value)), count);
        }
        Assert.Equal(ContentYaml.KindNames["training"], Text(page.QuerySelector(".facets a[href='/activities/kind/training/']")!));
    }

    [Fact]
    public void The_filter_form_is_hidden_until_the_script_runs_and_items_carry_their_facet_values()
    {
        var page = site.Page("/activities/");
        var form = page.QuerySelector("form.activity-filter")!;
        Assert.True(form.HasAttribute("hidden"));
        var item = page.QuerySelector("#all-activities a[href='/activities/2023/yongan/sanming-quality-award/']")!.ParentElement!;
        Assert.Equal("2023", item.GetAttribute("data-year"));
        Assert.Equal("yongan", item.GetAttribute("data-city"));
        Assert.Equal("", item.GetAttribute("data-organiser"));
        Assert.Equal("awards-certification", item.GetAttribute("data-kind"));
    }

    [Fact]
    public void The_city_chart_is_an_accessible_svg_with_a_table_of_the_same_figures()
    {
        var page = site.Page("/activities/");
        var chart = page.QuerySelector("#chart-city-year-caption")!.ParentElement!;
        var svg = chart.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.All(labelledBy, id => Assert.NotEmpty(Text(svg.QuerySelector($"#{id}")!)));

        var table = chart.QuerySelector("table")!;
        var years = table.QuerySelectorAll("thead th").Skip(1).SkipLast(1).Select(th => int.Parse(Text(th).TrimEnd('年'), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([2018, 2023, 2024], years);
        foreach (var row in table.QuerySelectorAll("tbody tr"))
        {
            var city = ContentYaml.CityNames.Single(c => c.Value == Text(row.QuerySelector("th")!)).Key;
            var cells = row.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < years.Count; i++)
                Assert.Equal(ContentYaml.Activities.Count(a => a.Host == city && a.Year == years[i]), cells[i]);
            // Every non-zero figure is also drawn as a labelled bar.
            foreach (var (year, count) in years.Zip(cells).Where(p => p.Second > 0))
                Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == $"{year}年：{count}");
        }
        Assert.Equal(ContentYaml.Activities.Where(a => a.HostKind == "city").Select(a => a.Host).Distinct().Count(), table.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => !s.GetAttribute("src")!.StartsWith("/assets/", StringComparison.Ordinal));
    }

    private static bool Matches(ContentYaml.Entry a, string facet, string value) => facet switch
    {
        "year" => a.Year.ToString(CultureInfo.InvariantCulture) == value,
        "city" => a.HostKind == "city" && a.Host == value,
        "organiser" => a.HostKind == "organiser" && a.Host == value,
        _ => a.Kinds.Contains(value),
    };

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
