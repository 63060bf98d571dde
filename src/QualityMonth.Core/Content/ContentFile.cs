using QualityMonth.Diagnostics;
using QualityMonth.Model;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Content;

/// <summary>A file under the site root being read, and where its problems are reported.</summary>
/// <param name="Path">Relative to the site root, forward slashes: used in every message.</param>
/// <param name="LineOffset">Lines before the YAML text starts (front matter follows a '---' line).</param>
/// <param name="Texts">Where the load keeps the file's text once read, for the placeholder check.</param>
public sealed record ContentFile(string Path, string FullPath, DiagnosticBag Diagnostics, int LineOffset = 0, ContentTexts? Texts = null)
{
    public int LineOf(YamlNode node) => LineOffset + (int)node.Start.Line;

    /// <summary>Where a YAML node starts in this file (YamlDotNet's columns are 1-based, like ours).</summary>
    public SourceLocation LocationOf(YamlNode node) => new(Path, LineOf(node), (int)node.Start.Column);

    public void Error(int line, Message message) => Diagnostics.Error(Path, line, message);

    public void Error(YamlNode node, Message message) => Diagnostics.Error(LocationOf(node), message);

    public static ContentFile For(string siteRoot, string fullPath, DiagnosticBag diagnostics, ContentTexts? texts = null) =>
        new(System.IO.Path.GetRelativePath(siteRoot, fullPath).Replace('\\', '/'), fullPath, diagnostics, Texts: texts);
}
