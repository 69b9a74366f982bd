namespace GovDisclosure.Domain.Templates;

/// <summary>How an indicator turns its terms into a figure.</summary>
public enum IndicatorShape
{
    /// <summary>Numerator ÷ denominator, both read from the same report: a share between 0 and 1.</summary>
    Share,

    /// <summary>(this year − last year) ÷ last year of the numerator's terms; the denominator is last year's figure.</summary>
    YearOnYear,
}

/// <summary>
/// One comparative indicator (KIROGOVCOMPARE's shape: a ratio of published cells), defined on the template so that
/// the calculator, the public formula page and the exports never name a cell. Two templates define an indicator under
/// the same <see cref="Key"/> when the figures mean the same, which is what lets a trend cross T2019 → T2021.
/// </summary>
/// <param name="Key">Stable identifier used by the API and the CSV, e.g. "substantive_disclosure".</param>
/// <param name="Name">The name the public reads, e.g. 「实质公开率」.</param>
/// <param name="Numerator">Terms added (or, with sign −1, subtracted) for the numerator.</param>
/// <param name="Denominator">Terms for the denominator; empty for <see cref="IndicatorShape.YearOnYear"/>.</param>
/// <param name="Meaning">One sentence on what the figure says and what it does not.</param>
public sealed record IndicatorDefinition(
    string Key, string Name, IndicatorShape Shape, IReadOnlyList<IndicatorTerm> Numerator, IReadOnlyList<IndicatorTerm> Denominator, string Meaning)
{
    /// <summary>For <see cref="IndicatorShape.YearOnYear"/>: last year's figure in the worked example.</summary>
    public decimal PreviousExample { get; init; }

    /// <summary>The formula in words, e.g. 「（予以公开 ＋ 部分公开）÷ 办理结果总计」.</summary>
    public string Formula => Shape == IndicatorShape.YearOnYear
        ? $"（本年{Words(Numerator)} − 上年{Words(Numerator)}）÷ 上年{Words(Numerator)}"
        : $"{Grouped(Numerator)} ÷ {Grouped(Denominator)}";

    private static string Grouped(IReadOnlyList<IndicatorTerm> terms) => terms.Count > 1 ? $"（{Words(terms)}）" : Words(terms);

    private static string Words(IReadOnlyList<IndicatorTerm> terms) =>
        string.Concat(terms.Select((t, i) => (i == 0 ? (t.Sign < 0 ? "− " : string.Empty) : (t.Sign < 0 ? " − " : " ＋ ")) + t.Label));
}

/// <summary>A named part of a formula: the sum of some cells, added or subtracted.</summary>
/// <param name="Label">How the formula page names it, e.g. 「部分公开」.</param>
/// <param name="Cells">The cells summed for it (a blank total counts as the sum of its parts).</param>
/// <param name="Example">The term's figure in the formula page's worked example.</param>
/// <param name="Sign">+1 or −1.</param>
public sealed record IndicatorTerm(string Label, IReadOnlyList<string> Cells, decimal Example, int Sign = 1);

/// <summary>Keys of the indicators, shared by both templates (sections 三 and 四 code these cells alike).</summary>
public static class IndicatorKeys
{
    public const string SubstantiveDisclosure = "substantive_disclosure";
    public const string Withheld = "withheld";
    public const string Unable = "unable";
    public const string ReviewCorrection = "review_correction";
    public const string SuitCorrection = "suit_correction";
    public const string RequestGrowth = "request_growth";
}
