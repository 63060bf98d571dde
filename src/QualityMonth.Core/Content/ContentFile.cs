using QualityMonth.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Content;

/// <summary>A file under the site root being read, and where its problems are reported.</summary>
/// <param name="Path">Relative to the site root, forward slashes: used in every message.</param>
/// <param name="LineOffset">Lines before the YAML text starts (front matter follows a '---' line).</param>
public sealed record ContentFile(string Path, string FullPath, DiagnosticBag Diagnostics, int LineOffset = 0)
{
    public int LineOf(YamlNode node) => LineOffset + (int)node.Start.Line;

    public void Error(int line, string message) => Diagnostics.Error(Path, line, message);

    public void Warning(int line, string message) => Diagnostics.Warning(Path, line, message);

    public static ContentFile For(string siteRoot, string fullPath, DiagnosticBag diagnostics) =>
        new(System.IO.Path.GetRelativePath(siteRoot, fullPath).Replace('\\', '/'), fullPath, diagnostics);
}
