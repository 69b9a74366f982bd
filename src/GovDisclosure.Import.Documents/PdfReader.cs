using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// Reads the text layer of a PDF into HTML. The file's text order differs by producer (Word, WPS,
/// LibreOffice, PDFsharp), so nothing here relies on it: every letter is placed by its position. Tables
/// come from the page's ruling lines (cells and their merges, as drawn); a table drawn without lines is
/// rebuilt from baselines and the header's column x-ranges. Running headers, footers and page numbers
/// are dropped; a table continued on the next page, with or without its header repeated, is one table.
/// </summary>
public static class PdfReader
{
    /// <summary>Published reports with scanned seals and charts reach tens of megabytes.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>A report is 5–20 pages; an appendix of 200 is already not one.</summary>
    public const int MaxPages = 200;

    /// <summary>A dense report page has about 2 000 characters.</summary>
    public const int MaxLettersPerPage = 30_000;

    public const int MaxLetters = 400_000;

    /// <summary>Text-showing operators (Tj, TJ, ', ") in the raw file: a report has a few thousand.</summary>
    public const int MaxTextOperators = 300_000;

    /// <summary>Decoded size of any one stream, and of all of them.</summary>
    public const long MaxStreamBytes = 16L * 1024 * 1024;

    public const long MaxDecodedBytes = 160L * 1024 * 1024;

    /// <summary>
    /// A last backstop behind the count caps above, which are what bound a hostile file's work. Reading a real
    /// report takes tens of milliseconds, but a first read on a busy two-core machine (JIT, other requests) has
    /// been seen at 15 s, so the clock is generous enough never to refuse a real report for the machine's load.
    /// </summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(45);

    private const string Kind = "PDF";

    public static string ToHtml(Stream stream)
    {
        var bytes = BoundedInput.ReadAll(stream, MaxFileBytes, Kind);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF"u8) < 0)
        {
            throw new DocumentRefusedException("文件不是PDF文档（缺少%PDF文件头），无法读取。");
        }

        CountTextOperators(bytes);
        var widthsOnly = PdfFontPrograms.CanPlaceByWidths(bytes);
        var clock = Stopwatch.StartNew();
        var pages = new List<PdfPageText>();
        try
        {
            var options = new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                ClipPaths = false,
                FilterProvider = new BudgetedFilterProvider(MaxStreamBytes, MaxDecodedBytes, skipFontPrograms: widthsOnly),
            };
            using var document = PdfDocument.Open(bytes, options);
            if (document.NumberOfPages > MaxPages)
            {
                throw new DocumentRefusedException($"PDF共{document.NumberOfPages}页，超过{MaxPages}页，不是一份年度报告。");
            }

            var letters = 0;
            var images = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (clock.Elapsed > MaxTime)
                {
                    throw new DocumentRefusedException($"PDF读取超过{MaxTime.TotalSeconds:0}秒仍未完成，文件内容异常，已停止。");
                }

                var page = document.GetPage(number);
                if (page.Letters.Count > MaxLettersPerPage)
                {
                    throw new DocumentRefusedException($"PDF第{number}页有{page.Letters.Count}个文字对象，远多于年度报告的一页，未读取。");
                }

                letters += page.Letters.Count;
                if (letters > MaxLetters)
                {
                    throw new DocumentRefusedException($"PDF的文字对象超过{MaxLetters}个，远多于年度报告，未读取。");
                }

                images += page.NumberOfImages;
                pages.Add(PdfPageText.Of(page, widthsOnly));
            }

            if (pages.All(p => p.IsEmpty))
            {
                throw new DocumentRefusedException(images > 0
                    ? "PDF是扫描件，无可识别文字，请上传Word原文或带文字层的PDF（或先做文字识别）。"
                    : "PDF中没有任何文字，不是年度报告。");
            }

            var title = document.Information.Title;
            return PdfLayout.ToHtml(pages, string.IsNullOrWhiteSpace(title) ? null : title);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRefusedException("PDF已加密，需要密码才能打开，请上传未加密的版本。");
        }
        catch (Exception e) when (e is not DocumentRefusedException and not OutOfMemoryException)
        {
            // PdfPig throws many types for broken files; none is the uploader's to read.
            throw new DocumentRefusedException("PDF文件已损坏或格式无法识别，无法读取。");
        }
    }

    /// <summary>
    /// Counted over the raw bytes before parsing: an uncompressed content stream of a million text objects
    /// is refused here, a compressed one by the decoded-size budget.
    /// </summary>
    private static void CountTextOperators(byte[] bytes)
    {
        var count = 0;
        var span = bytes.AsSpan();
        // IndexOf is vectorised: the scan costs a fraction of what a byte-by-byte loop did over a 270 KB file.
        for (var i = 1; i < span.Length - 1; i++)
        {
            var next = span[i..^1].IndexOf((byte)'T');
            if (next < 0)
            {
                break;
            }

            i += next;
            if ((span[i + 1] == 'j' || span[i + 1] == 'J') && (span[i - 1] is (byte)' ' or (byte)')' or (byte)']' or (byte)'>' or (byte)'\n'))
            {
                if (++count > MaxTextOperators)
                {
                    throw new DocumentRefusedException($"PDF中的文字对象超过{MaxTextOperators}个，远多于年度报告，未读取。");
                }
            }
        }
    }
}

/// <summary>One letter as placed on the page (PDF user space: y grows upwards).</summary>
internal readonly record struct Glyph(string Value, double Left, double Right, double Bottom, double Top, double Baseline, double Size)
{
    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Bottom + Top) / 2;
}

/// <summary>A horizontal or vertical ruling line drawn on the page.</summary>
internal readonly record struct Ruling(bool Horizontal, double Position, double From, double To);

/// <summary>What a page holds for layout: its glyphs and its ruling lines.</summary>
internal sealed class PdfPageText
{
    /// <summary>Segments shorter than this are arrowheads, ticks or the ends of a thin filled border.</summary>
    private const double MinRulingLength = 3;

    private const int MaxRulings = 20_000;

    public required int Number { get; init; }

    public required double Width { get; init; }

    public required double Height { get; init; }

    public required List<Glyph> Glyphs { get; init; }

    public required List<Ruling> Rulings { get; init; }

    public bool IsEmpty => Glyphs.Count == 0;

    /// <param name="widthsOnly">
    /// The fonts' programs were not loaded (<see cref="PdfFontPrograms"/>): a letter's box is then the font's
    /// whole bounding box, not its ink, and only its advance (from the PDF's width table) places it.
    /// </param>
    public static PdfPageText Of(Page page, bool widthsOnly = false)
    {
        var glyphs = new List<Glyph>();
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value) || letter.TextOrientation != TextOrientation.Horizontal)
            {
                continue;
            }

            var box = letter.BoundingBox;
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(box.Height, 1);
            var left = widthsOnly ? letter.StartBaseLine.X : Math.Min(box.Left, letter.StartBaseLine.X);
            // The advance, not the ink: full-width punctuation (「、」「，」「）」) inks only part of its em, and a
            // gap measured from the ink would cut 「一、本年…」 in two.
            var right = Math.Max(widthsOnly ? letter.EndBaseLine.X : Math.Max(box.Right, letter.EndBaseLine.X), left + 0.1);
            glyphs.Add(new Glyph(letter.Value, left, right, letter.StartBaseLine.Y - (size * 0.2), letter.StartBaseLine.Y + (size * 0.8), letter.StartBaseLine.Y, size));
        }

        var rulings = new List<Ruling>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                AddSegments(subpath, rulings);
                if (rulings.Count > MaxRulings)
                {
                    throw new DocumentRefusedException($"PDF第{page.Number}页的线条超过{MaxRulings}条，不是年度报告的页面，未读取。");
                }
            }
        }

        return new PdfPageText { Number = page.Number, Width = page.Width, Height = page.Height, Glyphs = glyphs, Rulings = rulings };
    }

    private static void AddSegments(PdfSubpath subpath, List<Ruling> rulings)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    Add(line.From, line.To, rulings);
                    current = line.To;
                    start ??= line.From;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    Add(c, s, rulings);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
            }
        }
    }

    private static void Add(PdfPoint a, PdfPoint b, List<Ruling> rulings)
    {
        if (Math.Abs(a.Y - b.Y) < 0.8 && Math.Abs(a.X - b.X) >= MinRulingLength)
        {
            rulings.Add(new Ruling(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        }
        else if (Math.Abs(a.X - b.X) < 0.8 && Math.Abs(a.Y - b.Y) >= MinRulingLength)
        {
            rulings.Add(new Ruling(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
        }
    }
}
