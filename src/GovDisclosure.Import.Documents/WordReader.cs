using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// Reads a Word <c>.docx</c> into HTML: paragraphs as p (headings as h1–h6), tables as table with the merged
/// cells of the file (gridSpan → colspan, vMerge → rowspan). Only the body is read: running headers,
/// footers, comments, text boxes and deleted revisions are not part of the report.
/// </summary>
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

    public static string ToHtml(Stream stream)
    {
        var bytes = BoundedInput.ReadAll(stream, MaxFileBytes, Kind);
        CheckPackage(bytes);
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxPartChars, AutoSave = false });
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRefusedException("Word文档缺少正文（word/document.xml），文件已损坏。");
            var reader = new Reader(document.MainDocumentPart!.StyleDefinitionsPart?.Styles);
            var title = document.PackageProperties.Title;
            var html = new HtmlWriter(title);
            reader.Blocks(body.ChildElements, html, 0);
            return html.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException
                                      or InvalidOperationException or NotSupportedException or IOException)
        {
            throw new DocumentRefusedException("Word文档已损坏或不是有效的 .docx 文件，无法读取。");
        }
    }

    /// <summary>
    /// Inflates every entry once, counting bytes as they come out, before the SDK touches the package: a
    /// zip bomb is refused after at most <see cref="MaxExpandedBytes"/> of work.
    /// </summary>
    private static void CheckPackage(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            throw new DocumentRefusedException(bytes.AsSpan().StartsWith("\xD0\xCF\x11\xE0"u8.ToArray())
                ? "这是旧版Word（.doc）文件，请在Word或WPS中另存为 .docx 后再导入。"
                : "文件不是有效的 .docx 文档（不是ZIP压缩包），无法读取。");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new DocumentRefusedException($"Word文档含有{zip.Entries.Count}个部件，远多于正常文档，未读取。");
            }

            if (!zip.Entries.Any(e => e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase))
                && !zip.Entries.Any(e => e.FullName.Equals("[Content_Types].xml", StringComparison.Ordinal)))
            {
                throw new DocumentRefusedException("Word文档缺少正文（word/document.xml），文件已损坏或不是 .docx。");
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
        }
        catch (InvalidDataException)
        {
            throw new DocumentRefusedException("Word文档已损坏（压缩包数据错误），无法读取。");
        }
    }

    private sealed class Reader(Styles? styles)
    {
        private readonly Dictionary<string, int> headingLevels = HeadingLevels(styles);

        public void Blocks(IEnumerable<OpenXmlElement> elements, HtmlWriter html, int depth)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        html.Paragraph(ParagraphText(paragraph), HeadingLevel(paragraph));
                        break;
                    case Table table:
                        Table(table, html, depth);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content.ChildElements, html, depth);
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom.ChildElements, html, depth);
                        break;
                }
            }
        }

        private void Table(Table table, HtmlWriter html, int depth)
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
                            Blocks(cell.Element.ChildElements, html, depth + 1);
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
        private static List<string> CellParagraphs(TableCell cell, int depth)
        {
            var result = new List<string>();
            foreach (var element in cell.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        result.Add(ParagraphText(paragraph));
                        break;
                    case Table nested:
                        if (depth + 1 > MaxTableDepth)
                        {
                            throw new DocumentRefusedException($"Word文档的表格嵌套超过{MaxTableDepth}层，文件异常，未读取。");
                        }

                        foreach (var nestedCell in nested.Descendants<TableCell>().Where(c => c.Ancestors<Table>().First() == nested))
                        {
                            result.AddRange(CellParagraphs(nestedCell, depth + 1));
                        }

                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        result.AddRange(content.Elements<Paragraph>().Select(ParagraphText));
                        break;
                }
            }

            return result;
        }

        private int HeadingLevel(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            if (properties?.OutlineLevel?.Val?.Value is { } outline && outline < 6)
            {
                return outline + 1;
            }

            return properties?.ParagraphStyleId?.Val?.Value is { } style && headingLevels.TryGetValue(style, out var level) ? level : 0;
        }

        private static Dictionary<string, int> HeadingLevels(Styles? styles)
        {
            var result = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var style in styles?.Elements<Style>() ?? [])
            {
                if (style.StyleId?.Value is not { } id)
                {
                    continue;
                }

                var name = style.StyleName?.Val?.Value ?? string.Empty;
                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 6)
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

    /// <summary>
    /// The text a reader of the printed paragraph sees: every run's text in order (a number split over
    /// runs by spell-checking or revisions comes back whole), tabs and breaks as spaces; deleted revisions,
    /// field codes, hidden text, drawings and bookmarks left out.
    /// </summary>
    internal static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        Collect(paragraph, text);
        var result = text.ToString();
        return result.Contains("[bookmark", StringComparison.Ordinal) ? BookmarkArtefact().Replace(result, string.Empty) : result;
    }

    private static void Collect(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append(' ');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                case Run run when run.RunProperties?.Vanish is { } vanish && (vanish.Val is null || vanish.Val.Value):
                    break;
                case DeletedRun or Deleted or DeletedText or DeletedFieldCode or FieldCode or Drawing or Picture
                    or EmbeddedObject or AlternateContent or ParagraphProperties or RunProperties or BookmarkStart or BookmarkEnd
                    or CommentRangeStart or CommentRangeEnd or CommentReference or FootnoteReference or EndnoteReference:
                    break;
                default:
                    Collect(child, text);
                    break;
            }
        }
    }

    [GeneratedRegex(@"^(?:heading|标题)\s*([1-6])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyleName();

    [GeneratedRegex(@"\[bookmark:\s*[^\]]*\]")]
    private static partial Regex BookmarkArtefact();
}
