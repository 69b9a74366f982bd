namespace GovDisclosure.Infrastructure.Pdf;

/// <summary>
/// Configuration section "Pdf". Each font is a file path ("/usr/share/fonts/…/uming.ttc", optionally
/// "…ttc#2" for another face of a collection) or a family name resolved through fontconfig.
/// </summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>宋体/明体 for the title, the body text and the tables.</summary>
    public string SongFont { get; set; } = "AR PL UMing CN";

    /// <summary>黑体 for the section headings.</summary>
    public string HeiFont { get; set; } = "WenQuanYi Zen Hei";

    /// <summary>楷体 for the agency line under the title.</summary>
    public string KaiFont { get; set; } = "AR PL UKai CN";
}
