namespace GovDisclosure.Infrastructure.Pdf;

/// <summary>
/// Configuration section "Pdf". Each font is a file path ("/usr/share/fonts/…/uming.ttc", optionally
/// "…ttc#2" for another face of a collection) or a family name resolved through fontconfig.
/// Two faces only: every embedded CJK subset carries its font's full glyph index tables (hundreds of
/// kilobytes), so each extra face costs file size and render time.
/// </summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>宋体/明体 for the title, the agency line, the body text and the tables.</summary>
    public string SongFont { get; set; } = "AR PL UMing CN";

    /// <summary>黑体 for the section headings.</summary>
    public string HeiFont { get; set; } = "WenQuanYi Zen Hei";
}
