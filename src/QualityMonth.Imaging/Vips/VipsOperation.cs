
namespace QualityMonth.Imaging.Vips;

/// <summary>
/// One libvips operation called through the generic API: created by name, given its arguments as
/// GValues typed from the operation's own parameter specs, built through the operation cache,
/// its outputs read back as GValues.
/// </summary>
public sealed class VipsOperation : GObjectHandle
{
    private readonly string _name;

    private VipsOperation(nint handle, string name) : base(handle) => _name = name;

    public static VipsOperation Create(string name)
    {
        VipsRuntime.EnsureInitialised();
        var handle = Native.OperationNew(name);
        if (handle == 0) throw VipsException.FromBuffer($"no libvips operation '{name}'");
        return new VipsOperation(handle, name);
    }

    /// <summary>Sets an argument from a .NET value: string, int, double, double[], bool, an enum nick, or a <see cref="VipsImage"/>.</summary>
    public VipsOperation Set(string name, object value)
    {
        var type = ArgumentType(name);
        var gvalue = default(Native.GValue);
        Native.ValueInit(ref gvalue, type);
        try
        {
            switch (value)
            {
                case VipsImage image:
                    Native.ValueSetObject(ref gvalue, image.DangerousGetHandle());
                    break;
                case double[] array:
                    Native.ValueSetArrayDouble(ref gvalue, array, array.Length);
                    break;
                case bool flag:
                    Native.ValueSetBoolean(ref gvalue, flag);
                    break;
                case int integer:
                    Native.ValueSetInt(ref gvalue, integer);
                    break;
                case double real:
                    Native.ValueSetDouble(ref gvalue, real);
                    break;
                case string text when type == Native.GTypeString:
                    Native.ValueSetString(ref gvalue, text);
                    break;
                case string nick:
                    // Every other string argument is an enum (size, fail_on, compression, …), set by its nick.
                    var member = Native.EnumFromNick("qualitymonth", type, nick);
                    if (member < 0) throw VipsException.FromBuffer($"{_name}: '{nick}' is not a value of '{name}'");
                    Native.ValueSetEnum(ref gvalue, member);
                    break;
                default:
                    throw new ArgumentException($"{_name}: no GValue mapping for {value.GetType().Name} ('{name}')");
            }
            Native.ObjectSetProperty(handle, name, ref gvalue);
        }
        finally
        {
            Native.ValueUnset(ref gvalue);
        }
        return this;
    }

    /// <summary>Builds (runs) the operation. On failure, throws with libvips' error text.</summary>
    public VipsOperation Build()
    {
        var built = Native.CacheOperationBuild(handle);
        if (built == 0)
            throw VipsException.FromBuffer($"{_name} failed");
        // The cache hands back the operation to use from now on (with caching off, the same one, re-referenced).
        var previous = handle;
        SetHandle(built);
        Native.ObjectUnref(previous);
        return this;
    }

    public VipsImage GetImage(string name)
    {
        var gvalue = default(Native.GValue);
        Native.ValueInit(ref gvalue, Native.ImageGetType());
        try
        {
            Native.ObjectGetProperty(handle, name, ref gvalue);
            return new VipsImage(Native.ValueDupObject(ref gvalue));
        }
        finally
        {
            Native.ValueUnset(ref gvalue);
        }
    }

    protected override bool ReleaseHandle()
    {
        // Outputs hold a reference back to their operation: drop them so both can be freed.
        Native.ObjectUnrefOutputs(handle);
        return base.ReleaseHandle();
    }

    private nint ArgumentType(string name)
    {
        if (Native.ObjectGetArgument(handle, name, out var spec, out _, out _) != 0)
            throw VipsException.FromBuffer($"{_name} has no argument '{name}'");
        return Native.ParamSpecValueType(spec);
    }
}
