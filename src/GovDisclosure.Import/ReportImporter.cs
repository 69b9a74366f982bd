using System.Text;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

public enum ImportFormat
{
    /// <summary>Decide from the content (and the file extension when there is one).</summary>
    Auto,
    Text,
    Markdown,
    Html,
    Json,
}

/// <summary>What an import produced: the report and what the importer has to say about it.</summary>
public sealed record ImportResult(ReportDocument Report, IReadOnlyList<Finding> Findings);

/// <summary>Reads published reports (plain text from Word, Markdown pipe tables, HTML tables, interchange JSON).</summary>
public static partial class ReportImporter
{
    /// <summary>
    /// The largest input read. A report is tens of kilobytes; 8 MB leaves room for HTML with inline styles
    /// and refuses a 50 MB upload before any parsing starts.
    /// </summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Tabs, line breaks and pipes: a report has about two thousand.</summary>
    private const int MaxSeparators = 100_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Imports from text. Throws <see cref="ReportFormatException"/> when the input is not a report at all.</summary>
    /// <param name="catalog">The templates a document may use; the default catalogue unless given.</param>
    public static ImportResult Import(string content, ImportFormat format = ImportFormat.Auto, TemplateCatalog? catalog = null)
    {
        catalog ??= TemplateCatalog.Default;
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes)
        {
            throw new ReportFormatException($"内容过大（{content.Length / 1024 / 1024}MB以上），年度报告不超过{MaxBytes / 1024 / 1024}MB。");
        }

        if (content.Length > 0 && content[0] == '\ufeff')
        {
            content = content[1..];
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ReportFormatException("内容为空，不是年度报告。");
        }

        RefuseBinary(content);

        // Word's hidden bookmarks as converters write them (「[bookmark: _GoBack]」, pandoc's 「[]{#_GoBack .anchor}」) are no text.
        if (content.Contains("[bookmark:", StringComparison.OrdinalIgnoreCase) || content.Contains("]{#", StringComparison.Ordinal))
        {
            content = WordArtefact().Replace(content, string.Empty);
        }

        // Counted before anything is split: a report has a few hundred lines and a thousand-odd cells.
        var span = content.AsSpan();
        if (span.Count('\t') + span.Count('\n') + span.Count('|') > MaxSeparators)
        {
            throw new ReportFormatException($"表格单元格超过{MaxSeparators}个（按制表符、换行和竖线计），远多于年度报告的统计表，不是政府信息公开工作年度报告。");
        }

        if (format == ImportFormat.Auto)
        {
            format = Sniff(content);
        }

        if (format == ImportFormat.Json)
        {
            return new ImportResult(InterchangeJson.Read(content, catalog), []);
        }

        var lines = format switch
        {
            ImportFormat.Html => SourceReaders.ReadHtml(content),
            ImportFormat.Markdown => SourceReaders.ReadMarkdown(content),
            _ => SourceReaders.ReadText(content),
        };
        return ReportAssembler.Assemble(lines, catalog);
    }

    /// <summary>Imports from raw bytes (size-limited, encoding-checked), with the file name's extension as a format hint.</summary>
    public static ImportResult Import(ReadOnlySpan<byte> bytes, string? fileName = null, TemplateCatalog? catalog = null)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new ReportFormatException($"文件过大（{bytes.Length / 1024 / 1024}MB），年度报告文件不超过{MaxBytes / 1024 / 1024}MB。");
        }

        if (bytes.Length == 0)
        {
            throw new ReportFormatException("文件为空，不是年度报告。");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new ReportFormatException("文件是UTF-16编码，请另存为UTF-8编码后再导入。");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ReportFormatException("文件含有二进制内容，不是文本格式的年度报告（请上传 .txt、.md、.html 或 .json 文件）。");
        }

        string content;
        try
        {
            content = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ReportFormatException("文件不是UTF-8编码（可能是GBK或二进制文件），请另存为UTF-8编码后再导入。");
        }

        return Import(content, FormatOf(fileName), catalog);
    }

    private static ImportFormat FormatOf(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".json" => ImportFormat.Json,
        ".md" or ".markdown" => ImportFormat.Markdown,
        ".html" or ".htm" => ImportFormat.Html,
        ".txt" => ImportFormat.Text,
        _ => ImportFormat.Auto,
    };

    private static ImportFormat Sniff(string content)
    {
        var start = content.TrimStart();
        if (start.StartsWith('{'))
        {
            return ImportFormat.Json;
        }

        var head = content.Length > 4096 ? content[..4096] : content;
        if (start.StartsWith('<') || head.Contains("<table", StringComparison.OrdinalIgnoreCase) || head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || content.Contains("<td", StringComparison.OrdinalIgnoreCase))
        {
            return ImportFormat.Html;
        }

        var pipeRows = content.Split('\n').Count(l => l.TrimStart().StartsWith('|') && l.TrimEnd().EndsWith('|'));
        return pipeRows >= 3 ? ImportFormat.Markdown : ImportFormat.Text;
    }

    /// <summary>Text full of control characters is a binary file that happened to decode.</summary>
    private static void RefuseBinary(string content)
    {
        var sample = content.Length > 65536 ? content[..65536] : content;
        var controls = sample.Count(c => c == '\0' || (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')));
        if (controls > 0 && controls * 100 > sample.Length)
        {
            throw new ReportFormatException("内容含有大量控制字符，不是文本格式的年度报告。");
        }

        if (sample.Contains('\0', StringComparison.Ordinal))
        {
            throw new ReportFormatException("内容含有二进制字符，不是文本格式的年度报告。");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[bookmark:[^\]\n]{0,80}\]|\[\]\{#[^}\n]{0,80}\}", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WordArtefact();
}
