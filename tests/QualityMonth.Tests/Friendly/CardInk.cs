namespace QualityMonth.Tests.Friendly;

/// <summary>Where a share card has ink: pixels that clearly differ from the background at its corner.</summary>
public sealed class CardInk
{
    /// <summary>The margin the cards promise (docs/age-friendly-and-sharing.md): nothing is drawn closer to an edge.</summary>
    public const int SafeMargin = 72;

    /// <summary>A channel difference below this is anti-aliasing noise or nothing at all.</summary>
    private const int Threshold = 40;

    private readonly PngFile _card;
    private readonly (byte R, byte G, byte B) _background;

    public CardInk(PngFile card)
    {
        _card = card;
        _background = card[0, 0];
    }

    public (byte R, byte G, byte B) Background => _background;

    public bool IsInk(int x, int y)
    {
        var (r, g, b) = _card[x, y];
        return Math.Max(Math.Abs(r - _background.R), Math.Max(Math.Abs(g - _background.G), Math.Abs(b - _background.B))) > Threshold;
    }

    /// <summary>Pixels of the band <paramref name="margin"/> wide along the edges that are not exactly the background.</summary>
    public int NotBackgroundInMargin(int margin)
    {
        var count = 0;
        for (var y = 0; y < _card.Height; y++)
            for (var x = 0; x < _card.Width; x++)
                if ((x < margin || y < margin || x >= _card.Width - margin || y >= _card.Height - margin) && _card[x, y] != _background)
                    count++;
        return count;
    }

    /// <summary>How many ink pixels lie in the rows [top, bottom).</summary>
    public int InkInRows(int top, int bottom)
    {
        var count = 0;
        for (var y = top; y < bottom; y++)
            for (var x = 0; x < _card.Width; x++)
                if (IsInk(x, y)) count++;
        return count;
    }

    /// <summary>The smallest rectangle holding every ink pixel (left, top, right, bottom; exclusive ends), or null.</summary>
    public (int Left, int Top, int Right, int Bottom)? Bounds()
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (var y = 0; y < _card.Height; y++)
            for (var x = 0; x < _card.Width; x++)
                if (IsInk(x, y))
                {
                    (left, top) = (Math.Min(left, x), Math.Min(top, y));
                    (right, bottom) = (Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                }
        return right < 0 ? null : (left, top, right, bottom);
    }
}
