using QualityMonth.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace QualityMonth.Content;

/// <summary>
/// YamlDotNet's parser with what content YAML may not hold refused as it is read, before any node is built: anchors
/// and aliases (staff never need them, and a few lines of them expand into gigabytes for any code that walks the
/// nodes), nesting deeper than any content file has (the node model is built recursively). Scalars holding control
/// characters written as escapes (<c>"\v"</c>, <c>"\x01"</c>) are reported when a file is given.
/// </summary>
public sealed class ContentYamlParser(IParser inner, ContentFile? file) : IParser
{
    /// <summary>Deepest nesting of lists and mappings accepted; the real files nest four levels.</summary>
    public const int MaxDepth = 32;

    private int _depth;

    public ContentYamlParser(string text, ContentFile? file) : this(new Parser(new StringReader(text)), file) { }

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw new RefusedYamlException(alias.Start, alias.End, SafetyMessages.YamlAlias("*" + alias.Value));
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw new RefusedYamlException(anchored.Start, anchored.End, SafetyMessages.YamlAlias("&" + anchored.Anchor));
            case SequenceStart or MappingStart when ++_depth > MaxDepth:
                throw new RefusedYamlException(inner.Current.Start, inner.Current.End, SafetyMessages.YamlTooDeep(MaxDepth));
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
            case Scalar scalar when file is not null && ContentText.IndexOfForbidden(scalar.Value) is var at and >= 0:
                file.Diagnostics.Error(file.Path, file.LineOffset + (int)scalar.Start.Line, ContentText.Message(scalar.Value[at]), (int)scalar.Start.Column);
                break;
        }
        return true;
    }
}

/// <summary>YAML that parses but that content may not hold; <see cref="Refusal"/> says what and why.</summary>
public sealed class RefusedYamlException(Mark start, Mark end, Message refusal) : YamlException(start, end, refusal.English)
{
    public Message Refusal { get; } = refusal;
}
