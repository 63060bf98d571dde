namespace QualityMonth.Theme;

/// <summary>
/// How a page takes part in the site search: its main content is indexed by Pagefind (pages without
/// one — home, indexes, search, 404 — are not), with the kind of page and the campaign years it
/// covers as filters and its title as the result's title.
/// </summary>
/// <param name="Type">One of the type constants below; the search page shows its label with each result.</param>
/// <param name="Title">The title a result shows (the page's title without the site's).</param>
/// <param name="Years">The campaign years the page covers.</param>
public sealed record SearchEntry(string Type, string Title, IReadOnlyList<int> Years)
{
    public const string Notice = "notice";
    public const string Slogans = "slogans";
    public const string Year = "year";
    public const string City = "city";
    public const string Organiser = "organiser";
    /// <summary>An activity's own page (<c>/activities/&lt;year&gt;/&lt;host&gt;/&lt;id&gt;/</c>).</summary>
    public const string Activity = "activity";
}
