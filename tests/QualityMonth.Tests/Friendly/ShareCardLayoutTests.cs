using QualityMonth.Imaging.Text;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// The card layout on texts the real content does not have: very long slogans wrap and shrink but stay
/// inside the margins, markup characters are drawn as text. Drawn in-process, read back by <see cref="PngFile"/>.
/// </summary>
public sealed class ShareCardLayoutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qm-cards-").FullName;

    public static TheoryData<string, string[]> Texts => new()
    {
        { "one phrase of forty characters", ["加强质量基础设施建设推动质量强省战略深入实施全面提升产品质量工程质量服务质量和环境质量水平"] },
        { "six phrases", ["质量第一", "效益优先", "品牌引领", "标准先行", "诚信为本", "创新驱动"] },
        { "a short slogan", ["质量强省"] },
        { "markup characters", ["<b>质量</b> & “标准” <i>计量</i> 'x' \"y\""] },
        { "English words", ["Quality First, Standards Lead, Measurement Underpins Everything We Build Together"] },
    };

    [Theory, MemberData(nameof(Texts))]
    public void The_headline_fits_inside_the_margins(string what, string[] headline)
    {
        var file = Path.Combine(_folder, "card.png");
        ShareCard.Render(new ShareCardText("福建省“质量月”活动专题", headline, "2025年活动主题：加强全面质量管理 促进质量强省建设"), CardFonts.Find(), file);

        var card = PngFile.Read(file);
        Assert.Equal((1200, 630), (card.Width, card.Height));
        var ink = new CardInk(card);
        Assert.True(ink.NotBackgroundInMargin(CardInk.SafeMargin) == 0, $"{what}: ink within {CardInk.SafeMargin} px of an edge");
        Assert.True(ink.Bounds() is not null, $"{what}: nothing was drawn");
        Assert.True(ink.InkInRows(200, 430) > 5_000, $"{what}: no headline across the middle");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
