using System.Runtime.InteropServices;

namespace QualityMonth.Imaging.Vips;

/// <summary>A reference to a GObject (an image or an operation), released with g_object_unref.</summary>
public abstract class GObjectHandle : SafeHandle
{
    protected GObjectHandle(nint handle) : base(0, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Native.ObjectUnref(handle);
        return true;
    }
}

/// <summary>A libvips image: usually a lazy pipeline that runs when it is saved or written to memory.</summary>
public sealed class VipsImage : GObjectHandle
{
    internal VipsImage(nint handle) : base(handle) { }

    public int Width => Native.ImageGetWidth(handle);

    public int Height => Native.ImageGetHeight(handle);

    public int Bands => Native.ImageGetBands(handle);

    /// <summary>An integer metadata field (e.g. "orientation"), or null when the image has none.</summary>
    public int? GetInt(string name) =>
        Native.ImageGetTypeof(handle, name) != 0 && Native.ImageGetInt(handle, name, out var value) == 0 ? value : null;

    public bool Has(string name) => Native.ImageGetTypeof(handle, name) != 0;

    /// <summary>Runs the pipeline into memory, so several outputs can be made from one decode.</summary>
    public VipsImage CopyMemory()
    {
        var copy = Native.ImageCopyMemory(handle);
        return copy == 0 ? throw VipsException.FromBuffer("decoding failed") : new VipsImage(copy);
    }

    /// <summary>Runs the pipeline and returns the pixels (band-interleaved bytes for an 8-bit image).</summary>
    public byte[] ToMemory()
    {
        var memory = Native.ImageWriteToMemory(handle, out var size);
        if (memory == 0) throw VipsException.FromBuffer("vips_image_write_to_memory failed");
        try
        {
            var bytes = new byte[(int)size];
            Marshal.Copy(memory, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            Native.GFree(memory);
        }
    }
}
