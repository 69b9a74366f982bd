using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Web.Pages.Shared.Report;

/// <summary>What <c>_ReportDocument.cshtml</c> draws: a whole report read-only, optionally beside last year's figures.</summary>
public sealed class ReportDocumentModel
{
    public required ReportDocument Document { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public ReportDocument? Previous { get; init; }

    public IReadOnlyList<CellNote> Notes { get; init; } = [];

    /// <inheritdoc cref="ReportTableModel.CommentHref"/>
    public Func<string, string>? CommentHref { get; init; }

    /// <inheritdoc cref="ReportTableModel.ChangedFrom"/>
    public IReadOnlyDictionary<string, string?> ChangedFrom { get; init; } = new Dictionary<string, string?>();

    /// <summary>Sections whose text changed since the reviewer returned the report: their heading is marked.</summary>
    public IReadOnlySet<string> ChangedSections { get; init; } = new HashSet<string>();

    public ReportTableModel TableFor(TableDefinition table) => new()
    {
        Template = Document.Definition,
        Table = table,
        Mode = ReportTableMode.ReadOnly,
        Values = ReportTableModel.FormatAll(Document),
        Derived = ReportTotals.Derived(Document),
        Findings = Findings,
        Notes = Notes,
        CommentHref = CommentHref,
        ChangedFrom = ChangedFrom,
        Previous = Previous is null ? null : Document.Definition.Cells
            .Where(c => Previous.Definition.HasCell(c.Code))
            .Select(c => (c.Code, Value: ReportTotals.Effective(Previous, c.Code)))
            .ToDictionary(x => x.Code, x => x.Value, StringComparer.Ordinal),
    };
}
