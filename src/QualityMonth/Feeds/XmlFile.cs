using System.Text;
using System.Xml;

namespace QualityMonth.Feeds;

/// <summary>Writes the XML files (feeds, sitemap) alike: UTF-8 without BOM, indented, LF line ends, a final newline.</summary>
public static class XmlFile
{
    public static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
