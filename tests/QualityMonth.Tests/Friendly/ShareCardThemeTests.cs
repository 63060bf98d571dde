using QualityMonth.Imaging.Text;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// A slogan's share card names the campaign and theme of the slogan's own list, as its document prints them
/// (../shared/seeds): each built card is compared, pixel for pixel, with a card drawn from the documents' words.
/// </summary>
[Collection(FriendlyCollection.Name)]
public sealed class ShareCardThemeTests(BuiltSite site) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qm-theme-cards-").FullName;

    public static TheoryData<string, string, string> Cards => new()
    {
        // 003: 附件2 is 2025年全国“质量月”活动口号, 主题 加强全面质量管理 促进质量强国建设 (the provincial theme ends 质量强省建设).
        { "share/2025/slogan-1.png", "贯彻质量强国建设纲要 推进质量强企强链强县", "2025年全国“质量月”活动主题：加强全面质量管理 促进质量强国建设" },
        // 004: 永安市市场监督管理局's own plan, 活动主题 增强质量意识 推进高质量发展; its slogan list names no scope.
        { "share/2023/slogan-1.png", "大力增强质量意识 加快建设质量强国", "永安市市场监督管理局2023年“质量月”活动主题：增强质量意识 推进高质量发展" },
        // 000: 附件1 2024年全省“质量月”活动口号, 主题 加强质量支撑 共建质量强省.
        { "share/2024/slogan-1.png", "实施质量强省战略 推进高质量发展", "2024年全省“质量月”活动主题：加强质量支撑 共建质量强省" },
    };

    [Theory, MemberData(nameof(Cards))]
    public void A_slogan_card_carries_its_own_lists_campaign_and_theme(string card, string slogan, string bottomLine)
    {
        var expected = Path.Combine(_folder, "expected.png");
        ShareCard.Render(new ShareCardText("福建省“质量月”活动专题", slogan.Split(' '), bottomLine), CardFonts.Find(), expected);

        var (built, drawn) = (PngFile.Read(Path.Combine(site.Output, card)), PngFile.Read(expected));
        Assert.Equal((drawn.Width, drawn.Height), (built.Width, built.Height));
        var differing = 0;
        for (var y = 0; y < built.Height; y++)
            for (var x = 0; x < built.Width; x++)
                if (built[x, y] != drawn[x, y]) differing++;
        Assert.True(differing == 0, $"{card} differs from a card reading '{bottomLine}' in {differing} pixels");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
