using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// R-INT and R2-U: each written value has the shape its cell kind allows. Checked cell by cell so the finding
/// names exactly the cell to correct.
/// </summary>
internal sealed class CellValueValidator : AbstractValidator<CheckContext>
{
    public CellValueValidator()
    {
        RuleForEach(c => WrittenCells(c, CellKind.Count, CellKind.SignedCount))
            .Must(v => decimal.Truncate(v.Value) == v.Value && (v.Cell.Kind == CellKind.SignedCount || v.Value >= 0))
            .ReportsAs(RuleIds.WholeNumber, FindingSeverity.Error, v => [v.Cell.Code], v => v.Cell.Kind == CellKind.SignedCount
                ? $"“{v.Cell.DisplayName}”应为整数（可为负数），实为{RuleFormat.Number(v.Value)}"
                : $"“{v.Cell.DisplayName}”应为不小于0的整数，实为{RuleFormat.Number(v.Value)}", facts: Facts);

        RuleForEach(c => WrittenCells(c, CellKind.Amount))
            .Must(v => v.Value >= 0 && DecimalPlaces(v.Value) <= CellKinds.AmountDecimals)
            .ReportsAs(RuleIds.Amount, FindingSeverity.Error, v => [v.Cell.Code], v => v.Value < 0
                ? $"“{v.Cell.DisplayName}”（万元）不能为负数，实为{RuleFormat.Number(v.Value)}"
                : $"“{v.Cell.DisplayName}”以万元计最多保留{CellKinds.AmountDecimals}位小数（精确到元），实为{RuleFormat.Number(v.Value)}", facts: Facts);
    }

    private static FindingFacts Facts(WrittenCell v) => FindingFacts.Of([(v.Cell.Code, v.Value)]);

    private static IEnumerable<WrittenCell> WrittenCells(CheckContext context, params CellKind[] kinds) =>
        context.Report.Definition.Cells
            .Where(cell => kinds.Contains(cell.Kind))
            .Select(cell => (cell, value: context.Report.Cells.Get(cell.Code)))
            .Where(x => x.value is not null)
            .Select(x => new WrittenCell(x.cell, x.value!.Value));

    /// <summary>Significant decimal places: trailing zeros ("3.27000") are a formatting choice, not precision.</summary>
    private static int DecimalPlaces(decimal value)
    {
        var places = 0;
        var fraction = Math.Abs(value) - decimal.Truncate(Math.Abs(value));
        while (fraction != 0)
        {
            fraction *= 10;
            fraction -= decimal.Truncate(fraction);
            places++;
        }

        return places;
    }

    private sealed record WrittenCell(CellDefinition Cell, decimal Value);
}
