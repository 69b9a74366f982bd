namespace GovDisclosure.Domain.Templates;

/// <summary>The two national report formats (report-templates.md §1).</summary>
public enum TemplateVersion
{
    /// <summary>国办公开办函〔2019〕60号, used for the 2019 and 2020 reports.</summary>
    T2019,

    /// <summary>国办公开办函〔2021〕30号, used from the 2021 report on.</summary>
    T2021,
}

public static class TemplateVersions
{
    /// <summary>The template is chosen by the report year, never by the publication date (§1).</summary>
    public static TemplateVersion ForYear(int reportYear) =>
        reportYear <= 2020 ? TemplateVersion.T2019 : TemplateVersion.T2021;

    /// <summary>The interchange name of a version: "2019" or "2021" (§12.4).</summary>
    public static string Code(this TemplateVersion version) => version switch
    {
        TemplateVersion.T2019 => "2019",
        TemplateVersion.T2021 => "2021",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    public static bool TryParse(string? code, out TemplateVersion version)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "2019" or "T2019":
                version = TemplateVersion.T2019;
                return true;
            case "2021" or "T2021":
                version = TemplateVersion.T2021;
                return true;
            default:
                version = default;
                return false;
        }
    }
}
