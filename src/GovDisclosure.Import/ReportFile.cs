using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Import.Documents;

namespace GovDisclosure.Import;

/// <summary>
/// The one entry point for a report file, by its name: Word <c>.docx</c> and PDF through the document readers
/// (their HTML then goes through the same placement as any HTML), <c>.json</c>, <c>.txt</c>, <c>.md</c>, <c>.html</c>
/// as text. Every refusal is a <see cref="ReportFormatException"/> with one Chinese sentence, whichever reader refused.
/// </summary>
public static class ReportFile
{
    /// <summary>The largest file of any format: a PDF with pictures runs to tens of megabytes.</summary>
    public const long MaxBytes = PdfReader.MaxFileBytes;

    /// <summary>What the CLI, the import page and the history upload accept, as the extensions a user sees.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".docx", ".pdf", ".json", ".txt", ".md", ".html", ".htm"];

    /// <summary>The extensions as an <c>accept</c> attribute / a sentence.</summary>
    public static string ExtensionList => string.Join("、", Extensions.Where(e => e != ".htm"));

    public static bool IsSupported(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>The MIME type the original file is served back with.</summary>
    public static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pdf" => "application/pdf",
        ".json" => "application/json",
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    /// <summary>Reads a report file. Throws <see cref="ReportFormatException"/> when it is not one.</summary>
    public static ImportResult Read(string fileName, Stream stream, TemplateCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(stream);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            switch (extension)
            {
                case ".docx":
                    return ReportImporter.Import(WordReader.ToHtml(stream), ImportFormat.Html, catalog);
                case ".pdf":
                    return ReportImporter.Import(PdfReader.ToHtml(stream), ImportFormat.Html, catalog);
                case ".doc":
                    throw new ReportFormatException("这是旧版Word（.doc）文件，请在Word或WPS中另存为 .docx 后再导入。");
                default:
                    return ReportImporter.Import(ReadText(stream), fileName, catalog);
            }
        }
        catch (DocumentRefusedException e)
        {
            throw new ReportFormatException(e.Reason);
        }
    }

    /// <summary>Reads a report file already in memory.</summary>
    public static ImportResult Read(string fileName, byte[] bytes, TemplateCatalog? catalog = null) =>
        Read(fileName, new MemoryStream(bytes, writable: false), catalog);

    /// <summary>A text file stops at the importer's limit plus one byte, so an oversized one is refused in its words.</summary>
    private static byte[] ReadText(Stream stream)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > ReportImporter.MaxBytes)
            {
                break;
            }
        }

        return copy.ToArray();
    }
}
