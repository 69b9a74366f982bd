namespace GovDisclosure.Domain.Reports;

public enum FindingSeverity
{
    /// <summary>A broken rule: the report cannot be saved, submitted or published.</summary>
    Error,

    /// <summary>Questionable but legitimate exceptions exist: needs a written 说明 before submission.</summary>
    Warning,
}

/// <summary>
/// One thing a rule or an importer has to say about a report.
/// </summary>
/// <param name="RuleId">The rule's id from report-templates.md §6 (R3-A, X-1, …) or an importer code (IMPORT-…).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="CellCodes">The cells concerned, by canonical code; empty for a finding about text.</param>
/// <param name="Message">A Chinese sentence with the actual numbers, e.g. 「自然人列：本年新收47＋上年结转4＝51，但…」.</param>
public sealed record Finding(string RuleId, FindingSeverity Severity, IReadOnlyList<string> CellCodes, string Message)
{
    public bool IsError => Severity == FindingSeverity.Error;

    /// <summary>
    /// What the finding is about when its cell list is not a stable identity: the blank-cell warning lists every
    /// blank cell of a table, and filling one of them must not orphan the 说明 already written for the table.
    /// </summary>
    public string? Anchor { get; init; }

    /// <summary>A stable key used to attach a 说明 to a warning across saves: rule id plus anchor, or plus cells.</summary>
    public string Key => Anchor is not null
        ? $"{RuleId}@{Anchor}"
        : CellCodes.Count == 0 ? RuleId : $"{RuleId}:{string.Join(',', CellCodes)}";

    public override string ToString() =>
        $"[{(IsError ? "错误" : "警告")}] {RuleId} {Message}{(CellCodes.Count == 0 ? string.Empty : $" （{string.Join("，", CellCodes)}）")}";
}
