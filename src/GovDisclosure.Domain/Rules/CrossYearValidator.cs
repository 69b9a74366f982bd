using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// X-1 … X-4 (report-templates.md §6.4): this year's report against last year's. Warnings only, because
/// 机构改革, a change of scope or documents that lapse by expiry legitimately break them. Nothing is compared
/// unless <see cref="CheckContext.Previous"/> is exactly the year before. Findings name cells of this year's
/// report only (the one being edited) and quote last year's numbers in the message.
/// </summary>
internal sealed class CrossYearValidator : AbstractValidator<CheckContext>
{
    public CrossYearValidator()
    {
        When(c => c.Previous is { } previous && previous.Year == c.Report.Year - 1, () =>
        {
            RuleForEach(c => CarriedOver(c.Report, c.Previous!).Where(x => x.Missing.Count == 0))
                .Must(x => x.CarriedIn == x.PreviousCarriedOut)
                .ReportsAs(RuleIds.CarriedOverAcrossYears, FindingSeverity.Warning, x => [x.Cell.Code], x =>
                    $"{x.Cell.ColumnLabel}列：本年“上年结转”{N(x.CarriedIn)}，但{x.PreviousYear}年报告“结转下年度继续办理”为{N(x.PreviousCarriedOut)}",
                    facts: x => FindingFacts.Of([(x.Cell.Code, x.CarriedIn), ("previousCarriedOut", x.PreviousCarriedOut), ("previousYear", x.PreviousYear)]));

            // X-4 is the sharper statement of the same break, so X-2 stays quiet where X-4 fires.
            RuleForEach(c => Documents(c.Report, c.Previous!).Where(d => d.Missing.Count == 0 && d.RepealedWithinBound))
                .Must(d => d.Effective == d.PreviousEffective + d.Issued - d.Repealed)
                .ReportsAs(RuleIds.EffectiveDocuments, FindingSeverity.Warning, d => [d.EffectiveCell, d.IssuedCell, d.RepealedCell], d =>
                    $"{d.Label}：现行有效件数{N(d.Effective)}，但上年现行有效{N(d.PreviousEffective)}＋本年制发{N(d.Issued)}－本年废止{N(d.Repealed)}" +
                    $"＝{N(d.PreviousEffective + d.Issued - d.Repealed)}（如有文件因有效期届满失效，请说明）", facts: DocumentFacts);

            RuleForEach(c => Documents(c.Report, c.Previous!).Where(d => d.Missing.Count == 0))
                .Must(d => d.RepealedWithinBound)
                .ReportsAs(RuleIds.RepealedBound, FindingSeverity.Warning, d => [d.RepealedCell, d.IssuedCell], d =>
                    $"{d.Label}：本年废止件数{N(d.Repealed)}，超过上年现行有效{N(d.PreviousEffective)}＋本年制发{N(d.Issued)}＝{N(d.PreviousEffective + d.Issued)}", facts: DocumentFacts);

            RuleForEach(c => Items(c.Report, c.Previous!).Where(i => i.Missing.Count == 0))
                .Must(i => i.Prev == i.PreviousPrev + i.PreviousChange)
                .ReportsAs(RuleIds.PreviousItemCount, FindingSeverity.Warning, i => [i.Cell.Code], i =>
                    $"“{i.Cell.DisplayName}”为{N(i.Prev)}，但{i.PreviousYear}年报告上一年项目数量{N(i.PreviousPrev)}＋本年增/减{Signed(i.PreviousChange)}＝{N(i.PreviousPrev + i.PreviousChange)}",
                    facts: i => FindingFacts.Of([(i.Cell.Code, i.Prev), ("previousPrev", i.PreviousPrev), ("previousChange", i.PreviousChange), ("previousYear", i.PreviousYear)]));
        });
    }

    private static string N(decimal value) => RuleFormat.Number(value);

    private static FindingFacts DocumentFacts(DocumentCheck d) =>
        FindingFacts.Of([(d.EffectiveCell, d.Effective), (d.IssuedCell, d.Issued), (d.RepealedCell, d.Repealed), ("previousEffective", d.PreviousEffective)]);

    private static string Signed(decimal value) => value < 0 ? $"（{N(value)}）" : N(value);

    /// <summary>
    /// X-1 over this template's backlog carry-overs (结转下年度 → 上年结转), which also span a change of template
    /// when last year's template has the cell.
    /// </summary>
    private static IEnumerable<CarriedOverCheck> CarriedOver(ReportDocument report, ReportDocument previous)
    {
        var checks = report.Definition.CarryOvers
            .Where(c => c.Backlog && previous.Definition.HasCell(c.PreviousCell) && report.Definition.HasCell(c.Cell))
            .Select(c => new CarriedOverCheck(
                report.Definition.Cell(c.Cell),
                ReportTotals.Effective(report, c.Cell),
                ReportTotals.Effective(previous, c.PreviousCell),
                previous.Year,
                Missing(report, previous, [c.Cell], [c.PreviousCell], c.Cell)))
            .ToList();

        // A break in an applicant column necessarily breaks 总计 too; one 说明 per cause is enough.
        var parts = checks.Where(x => !report.Definition.IsTotal(x.Cell.Code)).ToList();
        return parts.Any(x => x.CarriedIn != x.PreviousCarriedOut) ? parts : checks;
    }

    /// <summary>X-2 and X-4 over the template's document stocks, when last year's template counts the same stock (§6.4).</summary>
    private static IEnumerable<DocumentCheck> Documents(ReportDocument report, ReportDocument previous) =>
        report.Definition.Rules.DocumentStocks
            .Where(d => previous.Definition.HasCell(d.Effective))
            .Select(d => new DocumentCheck(
                d.Label,
                d.Effective,
                d.Issued,
                d.Repealed,
                ReportTotals.Effective(report, d.Effective),
                ReportTotals.Effective(report, d.Issued),
                ReportTotals.Effective(report, d.Repealed),
                ReportTotals.Effective(previous, d.Effective),
                Missing(report, previous, [d.Effective, d.Issued, d.Repealed], [d.Effective], d.Effective)));

    /// <summary>X-3 over the template's 上一年项目数量 rows, when last year's template has them too.</summary>
    private static IEnumerable<ItemCheck> Items(ReportDocument report, ReportDocument previous) =>
        report.Definition.Rules.ItemCounts
            .Where(i => previous.Definition.HasCell(i.Previous) && previous.Definition.HasCell(i.Change))
            .Select(i => new ItemCheck(
                report.Definition.Cell(i.Previous),
                ReportTotals.Effective(report, i.Previous),
                ReportTotals.Effective(previous, i.Previous),
                ReportTotals.Effective(previous, i.Change),
                previous.Year,
                Missing(report, previous, [i.Previous], [i.Previous, i.Change], i.Previous)));

    /// <summary>This year's unknown inputs, and <paramref name="nameAs"/> when last year's inputs include an unknown one.</summary>
    private static IReadOnlyList<string> Missing(ReportDocument report, ReportDocument previous, string[] cells, string[] previousCells, string nameAs)
    {
        var missing = ReportTotals.Unknown(report, cells);
        return ReportTotals.Unknown(previous, previousCells).Count == 0 || missing.Contains(nameAs) ? missing : [.. missing, nameAs];
    }

    private sealed record CarriedOverCheck(CellDefinition Cell, decimal CarriedIn, decimal PreviousCarriedOut, int PreviousYear, IReadOnlyList<string> Missing);

    private sealed record DocumentCheck(
        string Label, string EffectiveCell, string IssuedCell, string RepealedCell, decimal Effective, decimal Issued, decimal Repealed, decimal PreviousEffective,
        IReadOnlyList<string> Missing)
    {
        public bool RepealedWithinBound => Repealed <= PreviousEffective + Issued;
    }

    private sealed record ItemCheck(CellDefinition Cell, decimal Prev, decimal PreviousPrev, decimal PreviousChange, int PreviousYear, IReadOnlyList<string> Missing);
}
