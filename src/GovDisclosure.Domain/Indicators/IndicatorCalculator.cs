using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Indicators;

/// <summary>
/// Computes a template's indicators from published figures. It knows no cell: every term is read through the
/// definition (<see cref="TemplateDefinition.Indicators"/>), and last year's figure through last year's own
/// definition under the same key, so 2021 against 2020 compares T2021 with T2019.
/// </summary>
public static class IndicatorCalculator
{
    /// <summary>KIROGOVCOMPARE's rule: no figure, and no rank, on fewer than 30 cases.</summary>
    public const int DefaultMinimumDenominator = 30;

    /// <summary>The indicators of one report; <paramref name="previous"/> is last year's (null when not published).</summary>
    public static IReadOnlyList<IndicatorValue> Compute(ReportDocument report, ReportDocument? previous, int minimumDenominator = DefaultMinimumDenominator) =>
        Compute(report.Definition, Reader(report), previous?.Definition, previous is null ? null : Reader(previous), minimumDenominator);

    /// <summary>
    /// The indicators from cell readers: <paramref name="cells"/> answers a cell's effective value (a blank total as its
    /// parts' sum, a blank as 0). A reader may add several reports' cells, for the predecessors of a merged agency.
    /// </summary>
    public static IReadOnlyList<IndicatorValue> Compute(
        TemplateDefinition definition, Func<string, decimal> cells, TemplateDefinition? previousDefinition, Func<string, decimal>? previousCells, int minimumDenominator = DefaultMinimumDenominator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumDenominator, 1);
        var values = new List<IndicatorValue>(definition.Indicators.Count);
        foreach (var indicator in definition.Indicators)
        {
            if (indicator.Shape == IndicatorShape.YearOnYear)
            {
                var now = Sum(indicator.Numerator, definition, cells);
                var before = previousDefinition?.Indicators.FirstOrDefault(i => i.Key == indicator.Key) is { } old && previousCells is not null
                    ? Sum(old.Numerator, previousDefinition, previousCells)
                    : (decimal?)null;
                values.Add(before is { } b
                    ? new IndicatorValue(indicator, now - b, b, b >= minimumDenominator ? IndicatorStatus.Computed : IndicatorStatus.InsufficientSample)
                    : new IndicatorValue(indicator, 0, 0, IndicatorStatus.NoPreviousYear));
                continue;
            }

            var numerator = Sum(indicator.Numerator, definition, cells);
            var denominator = Sum(indicator.Denominator, definition, cells);
            values.Add(new IndicatorValue(indicator, numerator, denominator,
                denominator >= minimumDenominator ? IndicatorStatus.Computed : IndicatorStatus.InsufficientSample));
        }

        return values;
    }

    /// <summary>One term's value, for the formula page's worked example.</summary>
    public static decimal Term(IndicatorTerm term, TemplateDefinition definition, Func<string, decimal> cells) =>
        term.Cells.Where(definition.HasCell).Sum(cells);

    /// <summary>A report's effective values: what was written, a blank total as the sum of its parts, else 0.</summary>
    public static Func<string, decimal> Reader(ReportDocument report) => code => ReportTotals.Effective(report, code);

    /// <summary>Several reports of the same year read as one: a merged agency's predecessors, added cell by cell.</summary>
    public static Func<string, decimal> Combined(IReadOnlyList<ReportDocument> reports)
    {
        var readers = reports.Select(Reader).ToList();
        return code => readers.Sum(r => r(code));
    }

    private static decimal Sum(IReadOnlyList<IndicatorTerm> terms, TemplateDefinition definition, Func<string, decimal> cells) =>
        terms.Sum(t => t.Sign * Term(t, definition, cells));
}

/// <summary>
/// The formula page's worked example: each term's <see cref="IndicatorTerm.Example"/> figure put into the term's
/// first cell and computed by the very calculator the site uses, so the page cannot show an example the site
/// would compute differently.
/// </summary>
public static class IndicatorExample
{
    public static IndicatorValue Compute(TemplateDefinition definition, IndicatorDefinition indicator)
    {
        var now = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var term in indicator.Numerator.Concat(indicator.Denominator))
        {
            now[term.Cells[0]] = term.Example;
        }

        var before = indicator.Numerator.ToDictionary(t => t.Cells[0], _ => indicator.PreviousExample, StringComparer.Ordinal);
        return IndicatorCalculator.Compute(definition, c => now.GetValueOrDefault(c), definition, c => before.GetValueOrDefault(c), minimumDenominator: 1)
            .Single(v => v.Definition.Key == indicator.Key);
    }
}
