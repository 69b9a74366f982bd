using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// Reads a Word <c>.docx</c> into HTML: paragraphs as p (headings as h1–h6), tables as table with the merged
/// cells of the file (gridSpan → colspan, vMerge → rowspan). Only the body is read: running headers,
/// footers, comments, text boxes and deleted revisions are not part of the report.
/// </summary>
/// <remarks>
/// The package is read with <see cref="ZipArchive"/> and <see cref="XmlReader"/> directly rather than through the
/// Open XML SDK: the SDK's DOM and its temporary copy of the package cost a report 10–15 ms of the ≤ 20 ms a
/// document may take (issue 10), for the few elements below. Elements are matched as the SDK's typed classes
/// matched them (w:t, w:tab… only inside a w:r), so the HTML is the same.
/// </remarks>
public static partial class WordReader
{
    /// <summary>A report in Word is tens of kilobytes; pictures can make it a few megabytes.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    /// <summary>
    /// What the package may expand to, counted while inflating (entry headers can lie). A report's
    /// document.xml is well under 1 MB; pictures are counted too, so the cap is generous.
    /// </summary>
    public const long MaxExpandedBytes = 128L * 1024 * 1024;

    /// <summary>Any single part beyond this is not a report's XML.</summary>
    public const long MaxPartChars = 16L * 1024 * 1024;

    private const int MaxEntries = 2000;

    /// <summary>Nested tables deeper than this are a broken file, not a layout.</summary>
    private const int MaxTableDepth = 8;

    private const string Kind = "Word";

    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static string ToHtml(Stream stream)
    {
        var bytes = BoundedInput.ReadAll(stream, MaxFileBytes, Kind);
        try
        {
            using var zip = OpenPackage(bytes);
            var package = new Package(zip);
            var mainName = package.Related(string.Empty, "/officeDocument")
                ?? throw new DocumentRefusedException("Word文档缺少正文（word/document.xml），文件已损坏。");
            var body = package.Load(mainName)?.Child("document")?.Child("body")
                ?? throw new DocumentRefusedException("Word文档缺少正文（word/document.xml），文件已损坏。");
            var stylesName = package.Related(mainName, "/styles");
            var reader = new Reader(stylesName is null ? null : package.Load(stylesName)?.Child("styles"));
            var title = package.Related(string.Empty, "/metadata/core-properties") is { } core && package.Bytes(core) is { } coreXml
                ? WordXml.FirstText(coreXml, DublinCore, "title", MaxPartChars)
                : null;
            var html = new HtmlWriter(title);
            reader.Blocks(body.Children, html, 0);
            return html.ToString();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or FormatException or InvalidOperationException
                                      or NotSupportedException or IOException or UriFormatException)
        {
            throw new DocumentRefusedException("Word文档已损坏或不是有效的 .docx 文件，无法读取。");
        }
    }

    /// <summary>
    /// Inflates every entry once, counting bytes as they come out, before any XML is read: a zip bomb is
    /// refused after at most <see cref="MaxExpandedBytes"/> of work.
    /// </summary>
    private static ZipArchive OpenPackage(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            throw new DocumentRefusedException(bytes.AsSpan().StartsWith("\xD0\xCF\x11\xE0"u8.ToArray())
                ? "这是旧版Word（.doc）文件，请在Word或WPS中另存为 .docx 后再导入。"
                : "文件不是有效的 .docx 文档（不是ZIP压缩包），无法读取。");
        }

        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new DocumentRefusedException($"Word文档含有{zip.Entries.Count}个部件，远多于正常文档，未读取。");
            }

            var hasDocument = zip.Entries.Any(e => e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase));
            var hasContentTypes = zip.Entries.Any(e => e.FullName.Equals("[Content_Types].xml", StringComparison.Ordinal));
            if (!hasDocument && !hasContentTypes)
            {
                throw new DocumentRefusedException("Word文档缺少正文（word/document.xml），文件已损坏或不是 .docx。");
            }

            // Without its content types a zip is not an Open XML package at all (the SDK refused it too).
            if (!hasContentTypes)
            {
                throw new DocumentRefusedException("Word文档已损坏或不是有效的 .docx 文件，无法读取。");
            }

            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var inflated = entry.Open();
                int read;
                while ((read = inflated.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxExpandedBytes)
                    {
                        throw new DocumentRefusedException($"Word文档解压后超过{MaxExpandedBytes / 1024 / 1024}MB（疑似压缩炸弹），未读取。");
                    }
                }
            }

            return zip;
        }
        catch (InvalidDataException)
        {
            zip?.Dispose();
            throw new DocumentRefusedException("Word文档已损坏（压缩包数据错误），无法读取。");
        }
        catch
        {
            zip?.Dispose();
            throw;
        }
    }

    /// <summary>The package's parts by name (case-insensitive, as Open Packaging names are) and their relationships.</summary>
    private sealed class Package
    {
        private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.OrdinalIgnoreCase);

        public Package(ZipArchive zip)
        {
            foreach (var entry in zip.Entries)
            {
                entries.TryAdd(entry.FullName, entry);
            }
        }

        public byte[]? Bytes(string partName)
        {
            if (!entries.TryGetValue(partName, out var entry))
            {
                return null;
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream(entry.Length is > 0 and < int.MaxValue ? (int)entry.Length : 0);
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        public WordElement? Load(string partName) => Bytes(partName) is { } part ? WordXml.Load(part, MaxPartChars) : null;

        /// <summary>
        /// The part a relationship of <paramref name="source"/> (empty: the package) points to, by the end of its
        /// type, which is the same in the transitional and the strict namespaces.
        /// </summary>
        public string? Related(string source, string typeSuffix)
        {
            var slash = source.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : source[..(slash + 1)];
            var rels = Bytes(folder + "_rels/" + source[(slash + 1)..] + ".rels");
            if (rels is null)
            {
                return null;
            }

            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxPartChars };
            using var reader = XmlReader.Create(new MemoryStream(rels, writable: false), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship"
                    || reader.GetAttribute("TargetMode") is { } mode && mode.Equals("External", StringComparison.OrdinalIgnoreCase)
                    || reader.GetAttribute("Type") is not { } type || !type.EndsWith(typeSuffix, StringComparison.OrdinalIgnoreCase)
                    || reader.GetAttribute("Target") is not { } target)
                {
                    continue;
                }

                return Resolve(folder, Uri.UnescapeDataString(target));
            }

            return null;
        }

        private static string Resolve(string folder, string target)
        {
            var path = target.StartsWith('/') ? target[1..] : folder + target;
            var segments = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment == "..")
                {
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }
                }
                else if (segment.Length > 0 && segment != ".")
                {
                    segments.Add(segment);
                }
            }

            return string.Join('/', segments);
        }
    }

    private sealed class Reader(WordElement? styles)
    {
        private readonly Dictionary<string, int> headingLevels = HeadingLevels(styles);

        public void Blocks(IReadOnlyList<WordElement> elements, HtmlWriter html, int depth)
        {
            foreach (var element in elements)
            {
                if (!element.IsWord)
                {
                    continue;
                }

                switch (element.Name)
                {
                    case "p":
                        html.Paragraph(ParagraphText(element), HeadingLevel(element));
                        break;
                    case "tbl":
                        Table(element, html, depth);
                        break;
                    case "sdt" when element.Child("sdtContent") is { } content:
                        Blocks(content.Children, html, depth);
                        break;
                    case "customXml":
                        Blocks(element.Children, html, depth);
                        break;
                }
            }
        }

        private void Table(WordElement table, HtmlWriter html, int depth)
        {
            if (depth > MaxTableDepth)
            {
                throw new DocumentRefusedException($"Word文档的表格嵌套超过{MaxTableDepth}层，文件异常，未读取。");
            }

            var grid = Grid.Of(table);

            // A one-column table is a frame drawn around content (a boxed section, a layout table): its
            // paragraphs and tables are the document's own, so they are read as if the frame were not there.
            if (grid.ColumnCount <= 1)
            {
                foreach (var row in grid.Rows)
                {
                    foreach (var cell in row)
                    {
                        if (!cell.IsContinuation)
                        {
                            Blocks(cell.Element.Children, html, depth + 1);
                        }
                    }
                }

                return;
            }

            html.BeginTable();
            for (var r = 0; r < grid.Rows.Count; r++)
            {
                html.BeginRow();
                foreach (var cell in grid.Rows[r])
                {
                    if (cell.IsContinuation)
                    {
                        continue;
                    }

                    html.Cell(CellParagraphs(cell.Element, depth), cell.ColSpan, grid.RowSpan(r, cell));
                }

                html.EndRow();
            }

            html.EndTable();
        }

        /// <summary>
        /// A cell's paragraphs. A table nested in a cell of a real grid is flattened into the cell's text
        /// (its cells in reading order), which is what a reader of the printed page sees in that cell.
        /// </summary>
        private static List<string> CellParagraphs(WordElement cell, int depth)
        {
            var result = new List<string>();
            foreach (var element in cell.Children)
            {
                if (!element.IsWord)
                {
                    continue;
                }

                switch (element.Name)
                {
                    case "p":
                        result.Add(ParagraphText(element));
                        break;
                    case "tbl":
                        if (depth + 1 > MaxTableDepth)
                        {
                            throw new DocumentRefusedException($"Word文档的表格嵌套超过{MaxTableDepth}层，文件异常，未读取。");
                        }

                        foreach (var nestedCell in CellsOf(element))
                        {
                            result.AddRange(CellParagraphs(nestedCell, depth + 1));
                        }

                        break;
                    case "sdt" when element.Child("sdtContent") is { } content:
                        foreach (var paragraph in content.Children)
                        {
                            if (paragraph.Is("p"))
                            {
                                result.Add(ParagraphText(paragraph));
                            }
                        }

                        break;
                }
            }

            return result;
        }

        /// <summary>Every w:tc whose nearest table is <paramref name="table"/>, in document order.</summary>
        private static List<WordElement> CellsOf(WordElement table)
        {
            var cells = new List<WordElement>();
            Walk(table);
            return cells;

            void Walk(WordElement element)
            {
                foreach (var child in element.Children)
                {
                    if (child.Is("tbl"))
                    {
                        continue;
                    }

                    if (child.Is("tc"))
                    {
                        cells.Add(child);
                    }

                    Walk(child);
                }
            }
        }

        private int HeadingLevel(WordElement paragraph)
        {
            var properties = paragraph.Child("pPr");
            if (Number(properties?.Child("outlineLvl")?.Val) is { } outline && outline < 6)
            {
                return outline + 1;
            }

            return properties?.Child("pStyle")?.Val is { } style && headingLevels.TryGetValue(style, out var level) ? level : 0;
        }

        private static Dictionary<string, int> HeadingLevels(WordElement? styles)
        {
            var result = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var style in styles?.Children ?? [])
            {
                if (!style.Is("style") || style.StyleId is not { } id)
                {
                    continue;
                }

                var name = style.Child("name")?.Val ?? string.Empty;
                if (Number(style.Child("pPr")?.Child("outlineLvl")?.Val) is { } outline && outline < 6)
                {
                    result[id] = outline + 1;
                }
                else if (HeadingStyleName().Match(name) is { Success: true } match)
                {
                    result[id] = match.Groups[1].Value[0] - '0';
                }
                else if (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name == "标题")
                {
                    result[id] = 1;
                }
            }

            return result;
        }
    }

    /// <summary>An integer attribute; one that is not a number is treated as absent rather than failing the file.</summary>
    private static int? Number(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// The text a reader of the printed paragraph sees: every run's text in order (a number split over
    /// runs by spell-checking or revisions comes back whole), tabs and breaks as spaces; deleted revisions,
    /// field codes, hidden text, drawings and bookmarks left out.
    /// </summary>
    internal static string ParagraphText(WordElement paragraph)
    {
        var text = new StringBuilder();
        Collect(paragraph, text);
        var result = text.ToString();
        return result.Contains("[bookmark", StringComparison.Ordinal) ? BookmarkArtefact().Replace(result, string.Empty) : result;
    }

    private static void Collect(WordElement element, StringBuilder text)
    {
        var inRun = element.Is("r");
        foreach (var child in element.Children)
        {
            if (!child.IsWord)
            {
                Collect(child, text);
                continue;
            }

            switch (child.Name)
            {
                // Text, tabs and breaks are the run's content; elsewhere (a w:tab in w:tabs) they are something else.
                case "t" when inRun:
                    text.Append(child.Text);
                    break;
                case "tab" or "ptab" or "br" or "cr" when inRun:
                    text.Append(' ');
                    break;
                case "noBreakHyphen" when inRun:
                    text.Append('-');
                    break;
                case "r" when IsHidden(child):
                    break;
                case "del" or "delText" or "delInstrText" or "instrText" or "drawing" or "pict" or "object" or "pPr" or "rPr"
                    or "bookmarkStart" or "bookmarkEnd" or "commentRangeStart" or "commentRangeEnd" or "commentReference"
                    or "footnoteReference" or "endnoteReference":
                    break;
                default:
                    Collect(child, text);
                    break;
            }
        }
    }

    /// <summary>w:vanish in the run's properties, on unless its w:val says off.</summary>
    private static bool IsHidden(WordElement run) =>
        run.Child("rPr")?.Child("vanish") is { } vanish
        && vanish.Val is not ("0" or "false" or "off" or "False" or "Off");

    [GeneratedRegex(@"^(?:heading|标题)\s*([1-6])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyleName();

    [GeneratedRegex(@"\[bookmark:\s*[^\]]*\]")]
    private static partial Regex BookmarkArtefact();
}
