using System.Security;
using NetVips;

namespace QualityMonth.Imaging.Text;

/// <summary>What a share card says.</summary>
/// <param name="Top">A small line at the top: whose card it is (site title, year).</param>
/// <param name="Headline">The large text, one phrase per line; a phrase too long for the card wraps.</param>
/// <param name="Bottom">A small line at the bottom (the year's theme).</param>
public sealed record ShareCardText(string Top, IReadOnlyList<string> Headline, string Bottom);

/// <summary>
/// Draws a 1200×630 share card (the size link previews use) with libvips' <c>text</c> operation, which
/// sets type with Pango from the font files it is given: the headline in Noto Sans CJK SC Bold, sized to fill
/// the space between the small top and bottom lines without leaving the safe margin, on the site's red, like a
/// 横幅 banner.
/// </summary>
public static class ShareCard
{
    private const int Width = 1200, Height = 630;

    /// <summary>Nothing is drawn closer than this to an edge, so a preview that crops or rounds the corners loses nothing.</summary>
    private const int Margin = 72;

    /// <summary>Changes whenever the drawing changes, so cards made by an earlier layout are not reused.</summary>
    public const int LayoutVersion = 1;

    private static readonly double[] Background = [164, 22, 26];      // #a4161a, the site's red
    private static readonly double[] HeadlineColour = [255, 248, 225]; // warm white
    private static readonly double[] TopColour = [255, 214, 128];      // gold
    private static readonly double[] BottomColour = [250, 226, 226];   // pale rose

    private const int SafeWidth = Width - 2 * Margin;
    private const int TopPoints = 30, BottomPoints = 28;
    private const int RuleWidth = 96, RuleHeight = 6, RuleGap = 16, HeadlineGap = 28;

    /// <summary>The headline is set at 72 pt and a resolution that fits it to the space: 72 dpi is 72 px type.</summary>
    private const int HeadlinePoints = 72, LargestHeadlineDpi = 104, SmallestUnwrappedDpi = 48;

    /// <summary>How much larger type must be to give up one phrase per line.</summary>
    private const double ClearlyLarger = 1.25;

    /// <summary>Draws the card and saves it as a PNG (no metadata, so the same card gives the same bytes).</summary>
    public static void Render(ShareCardText text, CardFonts fonts, string pngPath)
    {
        if (!text.Headline.Any(line => line.Trim().Length > 0)) throw new ArgumentException("a share card needs a headline", nameof(text));
        LibVips.EnsureStarted();
        using var top = SetText(Escape(text.Top), fonts.Regular, TopPoints, Enums.Align.Low, dpi: 72);
        using var bottom = SetText(Escape(text.Bottom), fonts.Regular, BottomPoints, Enums.Align.Low, dpi: 72);
        var ruleTop = Margin + top.Height + RuleGap;
        var boxTop = ruleTop + RuleHeight + HeadlineGap;
        var boxHeight = Height - Margin - bottom.Height - HeadlineGap - boxTop;
        using var headline = FitHeadline(text.Headline, fonts.Bold, boxHeight);
        using var rule = Solid(RuleWidth, RuleHeight, [255]);

        using var background = Solid(Width, Height, Background);
        using var withTop = Paint(background, top, Margin, Margin, TopColour);
        using var withRule = Paint(withTop, rule, Margin, ruleTop, TopColour);
        using var withHeadline = Paint(withRule, headline, Margin + (SafeWidth - headline.Width) / 2, boxTop + (boxHeight - headline.Height) / 2, HeadlineColour);
        using var card = Paint(withHeadline, bottom, Margin, Height - Margin - bottom.Height, BottomColour);
        card.Pngsave(pngPath, compression: 9, keep: Enums.ForeignKeep.None);
    }

    /// <summary>
    /// The headline as large as fits the box, up to <see cref="LargestHeadlineDpi"/> (a four-character slogan
    /// should not shout). Phrases stand one to a line, like a banner's, unless an even number of them on each
    /// line allows clearly larger type (six short phrases read better as three lines of two). A phrase too
    /// long for one line even at <see cref="SmallestUnwrappedDpi"/> is wrapped, and libvips' autofit finds
    /// the size that fits.
    /// </summary>
    private static Image FitHeadline(IReadOnlyList<string> phrases, FontFace face, int boxHeight)
    {
        var (markup, dpi) = Enumerable.Range(1, phrases.Count).Where(perLine => phrases.Count % perLine == 0) // lines of equal length
            .Select(perLine => HeadlineMarkup(phrases.Chunk(perLine).Select(line => string.Join(' ', line))))
            .Select(arrangement => (Markup: arrangement, Dpi: LargestUnwrappedDpi(arrangement, face, boxHeight)))
            .Aggregate((best, next) => next.Dpi > best.Dpi * ClearlyLarger ? next : best);
        // Type does not scale exactly with the resolution (hinting, rounding): step down until it fits.
        for (; dpi >= SmallestUnwrappedDpi; dpi -= 2)
        {
            var headline = SetText(markup, face, HeadlinePoints, Enums.Align.Centre, dpi, wrapWidth: null);
            if (headline.Width <= SafeWidth && headline.Height <= boxHeight) return headline;
            headline.Dispose();
        }
        return Image.Text(HeadlineMarkup(phrases), face.PangoName(HeadlinePoints), width: SafeWidth, height: boxHeight, align: Enums.Align.Centre,
            fontfile: face.File, wrap: Enums.TextWrap.WordChar);
    }

    private static string HeadlineMarkup(IEnumerable<string> lines) =>
        $"<span line_height=\"1.2\">{string.Join('\n', lines.Select(Escape))}</span>";

    /// <summary>The resolution at which the lines, unwrapped, fill the width or the height, from their size at 72 dpi.</summary>
    private static int LargestUnwrappedDpi(string markup, FontFace face, int boxHeight)
    {
        using var natural = SetText(markup, face, HeadlinePoints, Enums.Align.Centre, HeadlinePoints, wrapWidth: null);
        return Math.Min(LargestHeadlineDpi, Math.Min(HeadlinePoints * SafeWidth / natural.Width, HeadlinePoints * boxHeight / natural.Height));
    }

    /// <summary>A one-band mask of the text (255 where ink is) in the face's file, wrapped at <paramref name="wrapWidth"/> if given.</summary>
    private static Image SetText(string markup, FontFace face, int points, Enums.Align align, int dpi, int? wrapWidth = SafeWidth) =>
        wrapWidth is { } width
            ? Image.Text(markup, face.PangoName(points), width: width, align: align, dpi: dpi, fontfile: face.File, wrap: Enums.TextWrap.WordChar)
            : Image.Text(markup, face.PangoName(points), align: align, dpi: dpi, fontfile: face.File);

    /// <summary>Paints a colour through a mask placed at (x, y), blending the mask's anti-aliased edges.</summary>
    private static Image Paint(Image canvas, Image mask, int x, int y, double[] colour)
    {
        using var placed = mask.Embed(x, y, Width, Height);
        using var ink = Solid(Width, Height, colour);
        return placed.Ifthenelse(ink, canvas, blend: true);
    }

    /// <summary>An 8-bit image of one colour (one band per value).</summary>
    private static Image Solid(int width, int height, double[] colour)
    {
        using var black = Image.Black(width, height, bands: colour.Length);
        using var flat = black.Linear(colour.Select(_ => 1.0).ToArray(), colour, uchar: true);
        return flat.Copy(interpretation: colour.Length == 1 ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb);
    }

    /// <summary>libvips reads the text as Pango markup: &amp;, &lt; and quotes in content must not become tags.</summary>
    private static string Escape(string text) => SecurityElement.Escape(text);
}
