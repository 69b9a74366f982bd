using FluentValidation;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Rules;

/// <summary>What the rules look at: the report, optionally last year's report and the agency's profile.</summary>
public sealed record CheckContext(ReportDocument Report)
{
    /// <summary>The same agency's report for the previous year; enables the cross-year rules X-1 … X-4.</summary>
    public ReportDocument? Previous { get; init; }

    /// <summary>The agency's kind and level, when known; enables the 规章 sanity check.</summary>
    public AgencyProfile? Agency { get; init; }

    /// <summary>
    /// The editor, while the user is still filling in: a table on which nothing was typed is not filled in yet, not a
    /// table of blanks, so W_BLANK_AS_ZERO waits until part of it is filled or the report is submitted. Saving and
    /// submitting check without it, so a 说明 is still required before submission.
    /// </summary>
    public bool WhileEditing { get; init; }
}

/// <summary>The one entry point to every rule of report-templates.md §6 (docs/rules.md describes each).</summary>
public static class ReportChecker
{
    // Validators hold no state once built; FluentValidation intends them to be shared.
    private static readonly IValidator<CheckContext>[] Validators =
    [
        new CellValueValidator(),
        new RequestBalanceValidator(),
        new SumRuleValidator(),
        new BlankCellValidator(),
        new ProactiveDisclosureValidator(),
        new CrossYearValidator(),
        new NarrativeValidator(),
    ];

    private static readonly Dictionary<string, int> RuleRank =
        RuleIds.All.Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => x.rank, StringComparer.Ordinal);

    /// <summary>
    /// Every finding, errors first, then warnings; within each, in template cell order of the finding's first
    /// cell (findings about text, which name no cell, come last), then by rule. The same report always yields
    /// the same list in the same order.
    /// </summary>
    public static IReadOnlyList<Finding> Check(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var positions = context.Report.Definition.Cells
            .Select((cell, index) => (cell.Code, index))
            .ToDictionary(x => x.Code, x => x.index, StringComparer.Ordinal);

        int Position(Finding f) =>
            f.CellCodes.Count > 0 && positions.TryGetValue(f.CellCodes[0], out var p) ? p : int.MaxValue;

        int RuleOrder(Finding f) => RuleRank.TryGetValue(f.RuleId, out var rank) ? rank : int.MaxValue;

        return Validators
            .SelectMany(v => v.Validate(context).Errors)
            .Select(failure => failure.ToFinding())
            .OrderBy(f => f.Severity)
            .ThenBy(Position)
            .ThenBy(RuleOrder)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<Finding> Check(ReportDocument report, ReportDocument? previous = null) =>
        Check(new CheckContext(report) { Previous = previous });

    /// <summary>True when any finding is an error: the report cannot be saved as final, submitted or published.</summary>
    public static bool HasErrors(IEnumerable<Finding> findings) => findings.Any(f => f.IsError);

    public static IReadOnlyList<Finding> Errors(IEnumerable<Finding> findings) => findings.Where(f => f.IsError).ToList();

    public static IReadOnlyList<Finding> Warnings(IEnumerable<Finding> findings) => findings.Where(f => !f.IsError).ToList();
}
