namespace GovDisclosure.Domain.Templates;

/// <summary>
/// What the rules compare in one template, by cell code, so no validator names a cell or asks which template
/// it is looking at. A rule whose facts a template does not list does not apply to it.
/// </summary>
public sealed record TemplateRules
{
    public static TemplateRules None { get; } = new();

    /// <summary>R3-A and R3-E, one per applicant column: 新收＋上年结转＝办理结果总计＋结转下年度.</summary>
    public IReadOnlyList<RequestBalance> RequestBalances { get; init; } = [];

    /// <summary>X-2 and X-4: 现行有效＝上年现行有效＋本年制发－本年废止, compared when last year's template has the cell too.</summary>
    public IReadOnlyList<DocumentStock> DocumentStocks { get; init; } = [];

    /// <summary>X-3: 上一年项目数量＝last year's 上一年项目数量＋本年增/减, compared when last year's template has the cells too.</summary>
    public IReadOnlyList<ItemCount> ItemCounts { get; init; } = [];

    /// <summary>W_FEE_UNIT: the fee cell whose value is 万元; null when the template has no fee amount.</summary>
    public string? FeeCell { get; init; }

    /// <summary>W_NO_FEE_STATEMENT: the template expects the prose to say whether 信息处理费 were charged.</summary>
    public bool RequiresFeeStatement { get; init; }

    /// <summary>W_RULES_ISSUER: the cell that counts 规章 the agency made this year; null when none.</summary>
    public string? RulesIssuedCell { get; init; }

    /// <summary>W_NARRATIVE: which cells the prose's figures are compared with; null when none.</summary>
    public NarrativeFacts? Narrative { get; init; }
}

/// <param name="ColumnLabel">The applicant column as findings name it, e.g. 「自然人」.</param>
public sealed record RequestBalance(string ColumnLabel, string Received, string CarriedIn, string Processed, string CarriedOut);

/// <param name="Label">How findings name the row, e.g. 「二（一）规章」.</param>
public sealed record DocumentStock(string Label, string Effective, string Issued, string Repealed);

/// <param name="Previous">This year's 上一年项目数量, compared with last year's same cell plus <paramref name="Change"/>.</param>
public sealed record ItemCount(string Previous, string Change);

/// <summary>The table figures the narrative states in words: 收到申请, 行政复议, 行政诉讼.</summary>
/// <param name="Received">本年新收 total (「收到…申请…件」).</param>
/// <param name="CarriedIn">上年结转 total (「受理」 sometimes includes it).</param>
/// <param name="Processed">办理结果总计, quoted in the message.</param>
/// <param name="Reviews">行政复议 total (「行政复议…件」).</param>
/// <param name="DirectSuits">未经复议直接起诉 total (「诉讼…件」, alone or added to the other).</param>
/// <param name="SuitsAfterReview">复议后起诉 total.</param>
public sealed record NarrativeFacts(string Received, string CarriedIn, string Processed, string Reviews, string DirectSuits, string SuitsAfterReview);

/// <summary>A cell carried from last year's report into this year's when the report is started.</summary>
/// <param name="PreviousCell">The cell in last year's template (which may be another template).</param>
/// <param name="Cell">The cell in this template it becomes.</param>
/// <param name="Backlog">
/// True for 结转下年度 → 上年结转: X-1 then compares the two when the report is checked; the carried 现行有效件数
/// are compared by X-2 instead.
/// </param>
public sealed record CarryOver(string PreviousCell, string Cell, bool Backlog);

/// <summary>A line of the public trend chart: its name and the cells summed for it.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<string> Cells);

/// <summary>What an importer needs to recognise and read this template in a published document.</summary>
/// <param name="HeaderCues">
/// Column headers and captions only this template has (compared after label normalisation, as prefixes, since
/// a header may carry a unit note); each one seen is evidence for the template.
/// </param>
/// <param name="AmountLabelsStateUnit">
/// True when every amount column's label says 万元, so a bare number is 万元; false when the unit must be
/// guessed from the number and the agency asked.
/// </param>
public sealed record ImportCues(IReadOnlyList<string> HeaderCues, bool AmountLabelsStateUnit)
{
    public static ImportCues None { get; } = new([], AmountLabelsStateUnit: false);
}
