using System.Security.Cryptography;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Workflow;

/// <summary>
/// One published revision, immutable: the PDF bytes exactly as approved, their SHA-256, the interchange
/// JSON snapshot (which the public pages, API and exports read), the warnings shown with it and their 说明,
/// who published it and when.
/// </summary>
public sealed class Publication
{
    private Publication()
    {
    }

    internal Publication(
        AnnualReport report, string agencyName, Actor actor, DateTimeOffset at, byte[] pdf, string interchangeJson, IReadOnlyList<PublishedFinding> findings)
    {
        Report = report;
        ReportId = report.Id;
        AgencyId = report.AgencyId;
        Year = report.Year;
        Revision = report.Revision;
        Template = report.Template;
        Title = report.Title;
        AgencyName = agencyName;
        CorrectionReason = report.CorrectionReason;
        Origin = report.Origin;
        PublishedById = actor.UserId;
        PublishedByName = actor.UserName;
        PublishedAt = at;
        Pdf = pdf;
        PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        InterchangeJson = interchangeJson;
        publishedCells = report.Cells.Select(c => new PublicationCell(c.Key, c.Value)).ToList();
        Explanations = new Dictionary<string, string>(report.Explanations, StringComparer.Ordinal);
        SearchText = string.Join('\n', new[] { agencyName, report.Title }.Concat(report.Sections.Values));
        Findings = findings.ToList();
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public AnnualReport? Report { get; private set; }

    public int AgencyId { get; private set; }

    public int Year { get; private set; }

    public int Revision { get; private set; }

    public Templates.TemplateVersion Template { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The agency's name as it was at publication.</summary>
    public string AgencyName { get; private set; } = string.Empty;

    /// <summary>An imported historical report is shown as 历史报告，据原文导入, with its original file beside the PDF.</summary>
    public ReportOrigin Origin { get; private set; }

    /// <summary>Why this revision corrected the previous one; null for revision 1.</summary>
    public string? CorrectionReason { get; private set; }

    public string PublishedById { get; private set; } = string.Empty;

    public string PublishedByName { get; private set; } = string.Empty;

    public DateTimeOffset PublishedAt { get; private set; }

    public byte[] Pdf { get; private set; } = [];

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/>, shown on the report page.</summary>
    public string PdfSha256 { get; private set; } = string.Empty;

    /// <summary>The interchange document (report-templates.md §12.4) as published.</summary>
    public string InterchangeJson { get; private set; } = string.Empty;

    // A new publication's cells are written in one statement beside it (Infrastructure's public record writer), not as
    // ~200 tracked rows inserted one by one; what is read back from the database lands in storedCells.
    private List<PublicationCell> storedCells = [];
    private readonly List<PublicationCell>? publishedCells;

    /// <summary>The published cells, one row each, so region summaries are one GROUP BY.</summary>
    public IReadOnlyList<PublicationCell> Cells => publishedCells ?? storedCells;

    /// <summary>The agency's 说明 for each warning, published with the report.</summary>
    public Dictionary<string, string> Explanations { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Agency, title and narrative, for substring search (pg_trgm).</summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>
    /// The warnings shown with this revision, as facts with their 说明, fixed at publication: the public site reads
    /// these and never runs the rules again. Null only for a revision published before findings were stored,
    /// until <see cref="BackfillFindings"/> gives it its own.
    /// </summary>
    public IReadOnlyList<PublishedFinding>? Findings { get; private set; }

    /// <summary>
    /// Gives a revision published before findings were stored the warnings it showed: the rules run once more over
    /// its own snapshot and published 说明. Refused (false) when it has findings already: what was published stays.
    /// </summary>
    /// <param name="previousYear">Last year's report as it was published when this revision was (for the cross-year rules).</param>
    /// <param name="agency">The agency's kind and level (for the 规章 rule), when known.</param>
    public bool BackfillFindings(ReportDocument? previousYear, Agencies.AgencyProfile? agency)
    {
        if (Findings is not null)
        {
            return false;
        }

        var snapshot = Reports.InterchangeJson.Read(InterchangeJson);
        var findings = Rules.ReportChecker.Check(new Rules.CheckContext(snapshot) { Previous = previousYear, Agency = agency });
        Findings = PublishedFinding.ForPublication(findings, Explanations).ToList();
        return true;
    }
}

/// <summary>A published cell value.</summary>
public sealed record PublicationCell(string Code, decimal Value);
