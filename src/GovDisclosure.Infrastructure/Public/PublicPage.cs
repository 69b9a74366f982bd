using System.Text.Json;
using System.Text.Json.Serialization;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>
/// The read model of a report page, computed once when its revision is published and stored with it
/// (<c>public_report_pages</c>, one row per report): the cells as they are displayed, derived totals included and
/// formatted, the findings as stored facts with their 说明 (worded by FindingText when the page is read, so better
/// wording reaches old pages), the revision list and the metadata. The page reads this row and the template; it
/// never parses the snapshot, runs the rules or recomputes a total.
/// </summary>
/// <param name="Cells">What each cell shows, by code: the written value or the derived total, formatted as published.</param>
/// <param name="Derived">The cells among <paramref name="Cells"/> that are totals the agency left blank, computed from their parts.</param>
/// <param name="Findings">The findings stored at publication; null for a revision published before findings were stored.</param>
public sealed record PublicPage(
    int ReportId,
    int PublicationId,
    int AgencyId,
    string AgencyName,
    int Year,
    string Template,
    string Title,
    int Revision,
    DateTimeOffset PublishedAt,
    string PdfSha256,
    IReadOnlyDictionary<string, string> Sections,
    IReadOnlyDictionary<string, string> Cells,
    IReadOnlyList<string> Derived,
    IReadOnlyList<PublishedFinding>? Findings,
    IReadOnlyList<PublicRevision> Revisions,
    PublicOriginal? Original)
{
    [JsonIgnore]
    public TemplateVersion TemplateVersion => new(Template);

    /// <summary>历史报告，据原文导入: shown with every finding and its original file.</summary>
    [JsonIgnore]
    public bool IsImportedHistory => Original is not null;

    [JsonIgnore]
    public TemplateDefinition Definition => ReportTemplates.Get(TemplateVersion);

    public string SectionText(string key) => Sections.TryGetValue(key, out var text) ? text : string.Empty;

    /// <summary>The page of a published revision, from its snapshot: what the publication writes, and what a page not yet backfilled is built from.</summary>
    public static PublicPage Build(
        ReportDocument document, int reportId, int publicationId, int agencyId, string agencyName, int revision, DateTimeOffset publishedAt,
        string pdfSha256, IReadOnlyList<PublishedFinding>? findings, IReadOnlyList<PublicRevision> revisions, PublicOriginal? original)
    {
        ArgumentNullException.ThrowIfNull(document);
        var shown = ReportTotals.Shown(document);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in document.Definition.Cells)
        {
            if (shown.TryGetValue(cell.Code, out var value))
            {
                cells[cell.Code] = InterchangeJson.FormatValue(cell.Kind, value);
            }
        }

        var derived = ReportTotals.Derived(document).Keys.Where(cells.ContainsKey).Order(StringComparer.Ordinal).ToList();
        // In UTC, as the database returns it, so a page backfilled later is byte for byte the page publishing wrote.
        return new PublicPage(reportId, publicationId, agencyId, agencyName, document.Year, document.Template.Key, document.Title, revision, publishedAt.ToUniversalTime(),
            pdfSha256, new Dictionary<string, string>(document.Sections, StringComparer.Ordinal), cells, derived, findings, revisions, original);
    }

    /// <summary>What each cell adds to its regions' sums: the value a reader sees in it (written, or the derived total).</summary>
    public static IReadOnlyDictionary<string, decimal> Contribution(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ReportTotals.Shown(document).Where(c => document.Definition.HasCell(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    public string ToJson() => JsonSerializer.Serialize(this, PublicPageJson.Default.PublicPage);

    public static PublicPage FromJson(string json) =>
        JsonSerializer.Deserialize(json, PublicPageJson.Default.PublicPage) ?? throw new InvalidDataException("public_report_pages: empty content");

    public static PublicPage FromJson(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, PublicPageJson.Default.PublicPage) ?? throw new InvalidDataException("public_report_pages: empty content");
}

/// <summary>Source-generated (de)serialisation: the page is read on every uncached view, so no reflection on that path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PublicPage))]
internal sealed partial class PublicPageJson : JsonSerializerContext;
