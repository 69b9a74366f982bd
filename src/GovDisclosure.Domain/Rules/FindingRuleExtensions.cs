using FluentValidation;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// Every rule reports through the same three FluentValidation channels, which <see cref="ReportChecker"/> maps
/// back to a <see cref="Finding"/>: ErrorCode is the rule id, Severity the severity and CustomState the cell codes (and an anchor, when one is given).
/// </summary>
internal static class FindingRuleExtensions
{
    public static IRuleBuilderOptions<CheckContext, TItem> ReportsAs<TItem>(
        this IRuleBuilderOptions<CheckContext, TItem> rule,
        string ruleId,
        FindingSeverity severity,
        Func<TItem, IEnumerable<string>> cells,
        Func<TItem, string> message) =>
        rule.OverridePropertyName(ruleId)
            .WithErrorCode(ruleId)
            .WithSeverity(severity == FindingSeverity.Error ? Severity.Error : Severity.Warning)
            .WithState((_, item) => (IReadOnlyList<string>)cells(item).ToList())
            .WithMessage((_, item) => message(item));

    /// <summary>As <see cref="ReportsAs{TItem}"/>, for a finding whose identity is an anchor (see <see cref="Finding.Anchor"/>).</summary>
    public static IRuleBuilderOptions<CheckContext, TItem> ReportsAs<TItem>(
        this IRuleBuilderOptions<CheckContext, TItem> rule,
        string ruleId,
        FindingSeverity severity,
        Func<TItem, IEnumerable<string>> cells,
        Func<TItem, string> anchor,
        Func<TItem, string> message) =>
        rule.ReportsAs(ruleId, severity, cells, message)
            .WithState((_, item) => new AnchoredCells(cells(item).ToList(), anchor(item)));

    public static Finding ToFinding(this FluentValidation.Results.ValidationFailure failure) => new(
        failure.ErrorCode,
        failure.Severity == Severity.Error ? FindingSeverity.Error : FindingSeverity.Warning,
        failure.CustomState switch
        {
            AnchoredCells anchored => anchored.Cells,
            IReadOnlyList<string> cells => cells,
            _ => [],
        },
        failure.ErrorMessage)
    {
        Anchor = (failure.CustomState as AnchoredCells)?.Anchor,
    };

    private sealed record AnchoredCells(IReadOnlyList<string> Cells, string Anchor);
}
