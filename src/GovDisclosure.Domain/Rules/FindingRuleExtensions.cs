using FluentValidation;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// Every rule reports through the same three FluentValidation channels, which <see cref="ReportChecker"/> maps
/// back to a <see cref="Finding"/>: ErrorCode is the rule id, Severity the severity and CustomState the cell codes, the anchor (when one is given) and the facts the message was built from.
/// </summary>
internal static class FindingRuleExtensions
{
    public static IRuleBuilderOptions<CheckContext, TItem> ReportsAs<TItem>(
        this IRuleBuilderOptions<CheckContext, TItem> rule,
        string ruleId,
        FindingSeverity severity,
        Func<TItem, IEnumerable<string>> cells,
        Func<TItem, string> message,
        Func<TItem, FindingFacts>? facts = null) =>
        rule.OverridePropertyName(ruleId)
            .WithErrorCode(ruleId)
            .WithSeverity(severity == FindingSeverity.Error ? Severity.Error : Severity.Warning)
            .WithState((_, item) => new FindingState(cells(item).ToList(), null, facts?.Invoke(item) ?? FindingFacts.None))
            .WithMessage((_, item) => message(item));

    /// <summary>As <see cref="ReportsAs{TItem}"/>, for a finding whose identity is an anchor (see <see cref="Finding.Anchor"/>).</summary>
    public static IRuleBuilderOptions<CheckContext, TItem> ReportsAs<TItem>(
        this IRuleBuilderOptions<CheckContext, TItem> rule,
        string ruleId,
        FindingSeverity severity,
        Func<TItem, IEnumerable<string>> cells,
        Func<TItem, string> anchor,
        Func<TItem, string> message,
        Func<TItem, FindingFacts>? facts = null) =>
        rule.ReportsAs(ruleId, severity, cells, message)
            .WithState((_, item) => new FindingState(cells(item).ToList(), anchor(item), facts?.Invoke(item) ?? FindingFacts.None));

    public static Finding ToFinding(this FluentValidation.Results.ValidationFailure failure)
    {
        var state = failure.CustomState as FindingState;
        return new Finding(
            failure.ErrorCode,
            failure.Severity == Severity.Error ? FindingSeverity.Error : FindingSeverity.Warning,
            state?.Cells ?? [],
            failure.ErrorMessage)
        {
            Anchor = state?.Anchor,
            Numbers = state?.Facts.Numbers ?? FindingFacts.None.Numbers,
            Terms = state?.Facts.Terms ?? FindingFacts.None.Terms,
        };
    }

    private sealed record FindingState(IReadOnlyList<string> Cells, string? Anchor, FindingFacts Facts);
}
