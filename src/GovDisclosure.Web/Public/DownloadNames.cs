using Microsoft.Net.Http.Headers;

namespace GovDisclosure.Web.Public;

/// <summary>
/// What a downloaded file is called: the report's own title as a reader would file it
/// (「示范区人民政府办公室2021年政府信息公开工作年度报告.pdf」), sent as RFC 6266 <c>filename*</c> (RFC 5987 UTF-8)
/// with an ASCII <c>filename</c> for clients that read only that one.
/// </summary>
public static class DownloadNames
{
    public const string ReportTitle = "政府信息公开工作年度报告";

    /// <summary>An older revision says which one it is, so two downloads of one report never overwrite each other.</summary>
    public static string Report(string agencyName, int year, string extension, int revision, int currentRevision) =>
        Safe($"{agencyName}{year}年{ReportTitle}{(revision == currentRevision ? string.Empty : $"（第{revision}版）")}.{extension}");

    public static string ReportAscii(int reportId, int year, string extension, int revision) => $"report-{reportId}-{year}-r{revision}.{extension}";

    public static string Year(int year) => $"{year}年{ReportTitle}.zip";

    public static string YearAscii(int year) => $"reports-{year}.zip";

    /// <summary>The Content-Disposition value: the ASCII fallback first, then the UTF-8 name.</summary>
    public static string Attachment(string fileName, string asciiFallback)
    {
        var value = new ContentDispositionHeaderValue("attachment") { FileName = asciiFallback, FileNameStar = fileName };
        return value.ToString();
    }

    public static void SetAttachment(HttpResponse response, string fileName, string asciiFallback) =>
        response.Headers.ContentDisposition = Attachment(fileName, asciiFallback);

    /// <summary>Characters no file system accepts (and path separators) become 「_」; an agency name rarely has any.</summary>
    public static string Safe(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c));
}
