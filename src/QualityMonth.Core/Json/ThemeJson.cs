using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace QualityMonth.Json;

/// <summary>
/// How the theme's values become JSON (the search page's labels, the pages' JSON-LD), generated at compile time: found by
/// reflection and emitted at run time instead, they cost every build's start-up about 150 methods to compile. Here, not in
/// the theme: the preview compiles the theme with the Razor generator alone.
/// </summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(JsonNode))]
public sealed partial class ThemeJson : JsonSerializerContext;
