using System.Runtime.InteropServices;

namespace QualityMonth.Imaging.Vips;

/// <summary>A libvips failure, carrying libvips' own error text.</summary>
public sealed class VipsException(string message) : Exception(message)
{
    /// <summary>Takes libvips' (per-thread) error buffer into an exception and clears it.</summary>
    internal static VipsException FromBuffer(string what)
    {
        var text = Marshal.PtrToStringUTF8(Native.ErrorBuffer())?.Trim() ?? "";
        Native.ErrorClear();
        return new VipsException(text.Length == 0 ? what : $"{what}: {text}");
    }
}
