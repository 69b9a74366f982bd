using System.Xml;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// One element of a Word part, as much of it as the reader looks at: its name, whether it is in the
/// WordprocessingML namespace, the w:val and w:styleId attributes, a w:t's text, and its children. The Open XML
/// SDK's typed DOM built the same tree with an object, a metadata lookup and a feature collection per element and
/// copied the package to a temporary file on every open, which was most of a .docx's reading time (issue 10).
/// </summary>
internal sealed class WordElement(string name, bool isWord)
{
    private static readonly List<WordElement> None = [];

    private List<WordElement>? children;

    public string Name { get; } = name;

    /// <summary>In the w: namespace (transitional or strict); only those elements have a meaning here.</summary>
    public bool IsWord { get; } = isWord;

    public string? Val { get; set; }

    public string? StyleId { get; set; }

    /// <summary>A w:t's text, whitespace included as written.</summary>
    public string? Text { get; set; }

    public WordElement? Parent { get; private set; }

    public IReadOnlyList<WordElement> Children => children ?? None;

    public bool Is(string wordName) => IsWord && Name == wordName;

    /// <summary>The first child w:<paramref name="wordName"/>, as the SDK's typed properties (ParagraphProperties, GridSpan…) gave it.</summary>
    public WordElement? Child(string wordName)
    {
        if (children is null)
        {
            return null;
        }

        foreach (var child in children)
        {
            if (child.IsWord && child.Name == wordName)
            {
                return child;
            }
        }

        return null;
    }

    public void Add(WordElement child)
    {
        child.Parent = this;
        (children ??= []).Add(child);
    }
}

/// <summary>Reads one part of the package into <see cref="WordElement"/>s.</summary>
internal static class WordXml
{
    public const string Namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>ISO 29500 strict documents use their own namespace for the same elements; the SDK read both.</summary>
    public const string StrictNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// <summary>The parsed root's holder: its children are the part's root element.</summary>
    public static WordElement Load(byte[] part, long maxChars)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxChars,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(new MemoryStream(part, writable: false), settings);
        var holder = new WordElement("#document", false);
        var current = holder;
        var more = reader.Read();
        while (more)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var ns = reader.NamespaceURI;
                    var isWord = ns == Namespace || ns == StrictNamespace;
                    var name = reader.LocalName;

                    // Drawings, pictures, embedded objects and alternate content carry no text of the report,
                    // and the reader never looked inside them: not building them is most of a picture's cost.
                    if ((isWord && name is "drawing" or "pict" or "object") || (name == "AlternateContent" && ns == MarkupCompatibility))
                    {
                        reader.Skip();
                        more = !reader.EOF;
                        continue;
                    }

                    var element = new WordElement(name, isWord);
                    if (isWord && reader.HasAttributes)
                    {
                        element.Val = reader.GetAttribute("val", ns);
                        element.StyleId = reader.GetAttribute("styleId", ns);
                    }

                    current.Add(element);
                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }
                    else if (element.Is("t"))
                    {
                        element.Text = string.Empty;
                    }

                    break;
                case XmlNodeType.EndElement:
                    current = current.Parent ?? holder;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (current.Is("t"))
                    {
                        current.Text = current.Text is null ? reader.Value : current.Text + reader.Value;
                    }

                    break;
            }

            more = reader.Read();
        }

        return holder;
    }

    /// <summary>The text of the first element named <paramref name="localName"/> in <paramref name="ns"/> (docProps/core.xml's dc:title).</summary>
    public static string? FirstText(byte[] part, string ns, string localName, long maxChars)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = maxChars };
        using var reader = XmlReader.Create(new MemoryStream(part, writable: false), settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == ns)
            {
                return reader.IsEmptyElement ? string.Empty : reader.ReadElementContentAsString();
            }
        }

        return null;
    }
}
