using System.Runtime.InteropServices;

namespace QualityMonth.Imaging.Vips;

/// <summary>
/// The slice of libvips' and GObject's C API the binding uses: the generic operation API
/// (vips_operation_new, GValue properties, vips_cache_operation_build) and no C varargs,
/// as libvips' binding guide recommends, so the calls are correct on every ABI.
/// </summary>
internal static partial class Native
{
    private const string Vips = "libvips.so.42";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    /// <summary>GValue: a GType and two 8-byte data slots (24 bytes on 64-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GValue
    {
        public nint GType;
        public long Data0;
        public long Data1;
    }

    // Fundamental GTypes are fixed: G_TYPE_MAKE_FUNDAMENTAL(n) = n << 2.
    internal const nint GTypeBoolean = 5 << 2;
    internal const nint GTypeInt = 6 << 2;
    internal const nint GTypeDouble = 15 << 2;
    internal const nint GTypeString = 16 << 2;

    [LibraryImport(Vips, EntryPoint = "vips_init", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Init(string argv0);

    [LibraryImport(Vips, EntryPoint = "vips_version")]
    internal static partial int Version(int flag);

    [LibraryImport(Vips, EntryPoint = "vips_cache_set_max")]
    internal static partial void CacheSetMax(int max);

    [LibraryImport(Vips, EntryPoint = "vips_concurrency_set")]
    internal static partial void ConcurrencySet(int concurrency);

    [LibraryImport(Vips, EntryPoint = "vips_block_untrusted_set")]
    internal static partial void BlockUntrustedSet([MarshalAs(UnmanagedType.Bool)] bool state);

    [LibraryImport(Vips, EntryPoint = "vips_operation_block_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void OperationBlockSet(string name, [MarshalAs(UnmanagedType.Bool)] bool state);

    [LibraryImport(Vips, EntryPoint = "vips_error_buffer")]
    internal static partial nint ErrorBuffer();

    [LibraryImport(Vips, EntryPoint = "vips_error_clear")]
    internal static partial void ErrorClear();

    [LibraryImport(Vips, EntryPoint = "vips_operation_new", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint OperationNew(string name);

    [LibraryImport(Vips, EntryPoint = "vips_cache_operation_build")]
    internal static partial nint CacheOperationBuild(nint operation);

    [LibraryImport(Vips, EntryPoint = "vips_object_unref_outputs")]
    internal static partial void ObjectUnrefOutputs(nint vipsObject);

    [LibraryImport(Vips, EntryPoint = "vips_object_get_argument", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ObjectGetArgument(nint vipsObject, string name, out nint paramSpec, out nint argumentClass, out nint argumentInstance);

    [LibraryImport(Vips, EntryPoint = "vips_enum_from_nick", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int EnumFromNick(string domain, nint gtype, string nick);

    [LibraryImport(Vips, EntryPoint = "vips_foreign_find_load", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ForeignFindLoad(string filename);

    [LibraryImport(Vips, EntryPoint = "vips_image_get_type")]
    internal static partial nint ImageGetType();

    [LibraryImport(Vips, EntryPoint = "vips_image_get_width")]
    internal static partial int ImageGetWidth(nint image);

    [LibraryImport(Vips, EntryPoint = "vips_image_get_height")]
    internal static partial int ImageGetHeight(nint image);

    [LibraryImport(Vips, EntryPoint = "vips_image_get_bands")]
    internal static partial int ImageGetBands(nint image);

    [LibraryImport(Vips, EntryPoint = "vips_image_get_typeof", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ImageGetTypeof(nint image, string name);

    [LibraryImport(Vips, EntryPoint = "vips_image_get_int", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ImageGetInt(nint image, string name, out int value);

    [LibraryImport(Vips, EntryPoint = "vips_image_copy_memory")]
    internal static partial nint ImageCopyMemory(nint image);

    [LibraryImport(Vips, EntryPoint = "vips_image_write_to_memory")]
    internal static partial nint ImageWriteToMemory(nint image, out nuint size);

    [LibraryImport(Vips, EntryPoint = "vips_thread_shutdown")]
    internal static partial void ThreadShutdown();

    /// <summary>glibc's mallopt.</summary>
    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    internal static partial int MallOpt(int parameter, int value);

    internal const int MallocMmapThreshold = -3;

    [LibraryImport(GLib, EntryPoint = "g_free")]
    internal static partial void GFree(nint memory);

    [LibraryImport(GObject, EntryPoint = "g_object_unref")]
    internal static partial void ObjectUnref(nint gobject);

    [LibraryImport(GObject, EntryPoint = "g_object_set_property", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ObjectSetProperty(nint gobject, string name, ref GValue value);

    [LibraryImport(GObject, EntryPoint = "g_object_get_property", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ObjectGetProperty(nint gobject, string name, ref GValue value);

    [LibraryImport(GObject, EntryPoint = "g_value_init")]
    internal static partial nint ValueInit(ref GValue value, nint gtype);

    [LibraryImport(GObject, EntryPoint = "g_value_unset")]
    internal static partial void ValueUnset(ref GValue value);

    [LibraryImport(GObject, EntryPoint = "g_value_set_boolean")]
    internal static partial void ValueSetBoolean(ref GValue value, [MarshalAs(UnmanagedType.Bool)] bool boolean);

    [LibraryImport(GObject, EntryPoint = "g_value_set_int")]
    internal static partial void ValueSetInt(ref GValue value, int number);

    [LibraryImport(GObject, EntryPoint = "g_value_set_double")]
    internal static partial void ValueSetDouble(ref GValue value, double number);

    [LibraryImport(GObject, EntryPoint = "g_value_set_string", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ValueSetString(ref GValue value, string text);

    [LibraryImport(GObject, EntryPoint = "g_value_set_enum")]
    internal static partial void ValueSetEnum(ref GValue value, int number);

    [LibraryImport(GObject, EntryPoint = "g_value_set_object")]
    internal static partial void ValueSetObject(ref GValue value, nint gobject);

    [LibraryImport(Vips, EntryPoint = "vips_value_set_array_double")]
    internal static partial void ValueSetArrayDouble(ref GValue value, double[] array, int count);

    [LibraryImport(GObject, EntryPoint = "g_value_dup_object")]
    internal static partial nint ValueDupObject(ref GValue value);

    /// <summary>The value type of a GParamSpec: after its GTypeInstance, name and flags fields.</summary>
    internal static nint ParamSpecValueType(nint paramSpec) => Marshal.ReadIntPtr(paramSpec, 3 * IntPtr.Size);
}
