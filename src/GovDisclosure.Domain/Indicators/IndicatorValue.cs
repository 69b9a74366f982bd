using System.Globalization;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Indicators;

public enum IndicatorStatus
{
    /// <summary>The denominator reached the minimum: the figure is shown and ranked.</summary>
    Computed,

    /// <summary>The denominator is below the minimum: 「样本不足」, neither a figure nor a rank.</summary>
    InsufficientSample,

    /// <summary>A year-on-year figure without last year's published report.</summary>
    NoPreviousYear,
}

/// <summary>One indicator of one report (or of the reports of one year combined), with the numbers behind it.</summary>
/// <param name="Numerator">For a year-on-year figure: this year's value minus last year's.</param>
/// <param name="Denominator">For a year-on-year figure: last year's value.</param>
public sealed record IndicatorValue(IndicatorDefinition Definition, decimal Numerator, decimal Denominator, IndicatorStatus Status)
{
    public const string InsufficientText = "样本不足";

    public const string NoPreviousText = "无上年数据";

    /// <summary>The figure as a fraction (0.625 for 62.5%); null unless <see cref="IndicatorStatus.Computed"/>.</summary>
    public decimal? Ratio => Status == IndicatorStatus.Computed ? Math.Round(Numerator / Denominator, 6) : null;

    public bool Passes => Status == IndicatorStatus.Computed;

    /// <summary>How a page shows it: 「62.5%」, 「+12.0%」 for a change, 「样本不足」 or 「无上年数据」.</summary>
    public string Display => Status switch
    {
        IndicatorStatus.Computed => Percent(Ratio!.Value, Definition.Shape == IndicatorShape.YearOnYear),
        IndicatorStatus.InsufficientSample => InsufficientText,
        _ => NoPreviousText,
    };

    /// <summary>A fraction as a percentage with one decimal, in invariant digits; a change carries its sign.</summary>
    public static string Percent(decimal fraction, bool showSign = false)
    {
        var text = (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        return showSign && fraction > 0 ? "+" + text : text;
    }
}
