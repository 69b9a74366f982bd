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

    /// <summary>
    /// The numbers the message was built from, by name: a cell code for a value this rule read from the report
    /// (as it counted it, blanks as 0), else a named fact such as <c>previousCarriedOut</c> or <c>stated1</c>.
    /// With <see cref="Terms"/> they let the sentence be written again later (e.g. for the public) without the rules.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Numbers { get; init; } = FindingFacts.None.Numbers;

    /// <summary>The non-numeric facts the message quotes: a phrase of the text, a subject key, why an agency may not issue 规章.</summary>
    public IReadOnlyDictionary<string, string> Terms { get; init; } = FindingFacts.None.Terms;

    /// <summary>A stable key used to attach a 说明 to a warning across saves: rule id plus anchor, or plus cells.</summary>
    public string Key => Anchor is not null
        ? $"{RuleId}@{Anchor}"
        : CellCodes.Count == 0 ? RuleId : $"{RuleId}:{string.Join(',', CellCodes)}";

    public override string ToString() =>
        $"[{(IsError ? "错误" : "警告")}] {RuleId} {Message}{(CellCodes.Count == 0 ? string.Empty : $" （{string.Join("，", CellCodes)}）")}";
}

/// <summary>The structured facts of one finding (see <see cref="Finding.Numbers"/> and <see cref="Finding.Terms"/>).</summary>
public sealed record FindingFacts(IReadOnlyDictionary<string, decimal> Numbers, IReadOnlyDictionary<string, string> Terms)
{
    public static readonly FindingFacts None = new(
        new Dictionary<string, decimal>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));

    public static FindingFacts Of(IEnumerable<(string Name, decimal Value)> numbers, IEnumerable<(string Name, string Text)>? terms = null) => new(
        numbers.GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        (terms ?? []).ToDictionary(t => t.Name, t => t.Text, StringComparer.Ordinal));

    /// <summary>Several figures of one kind as name1, name2, … (the order is the order the text gave them).</summary>
    public static IEnumerable<(string Name, decimal Value)> Indexed(string name, IEnumerable<decimal> values) =>
        values.Select((v, i) => ($"{name}{i + 1}", v));
}
