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
    private static readonly string[] DocumentRows = ["rules", "normative"];

    /// <summary>T2019 rows with 上一年项目数量 and 本年增/减.</summary>
    private static readonly string[] ItemRows = ["licensing", "services", "penalty", "coercion", "fees"];

    public CrossYearValidator()
    {
        When(c => c.Previous is { } previous && previous.Year == c.Report.Year - 1, () =>
        {
            RuleForEach(c => CarriedOver(c.Report, c.Previous!))
                .Must(x => x.CarriedIn == x.PreviousCarriedOut)
                .ReportsAs(RuleIds.CarriedOverAcrossYears, FindingSeverity.Warning, x => [x.Cell.Code], x =>
                    $"{x.Cell.ColumnLabel}列：本年“上年结转”{N(x.CarriedIn)}，但{x.PreviousYear}年报告“结转下年度继续办理”为{N(x.PreviousCarriedOut)}",
                    facts: x => FindingFacts.Of([(x.Cell.Code, x.CarriedIn), ("previousCarriedOut", x.PreviousCarriedOut), ("previousYear", x.PreviousYear)]));

            // X-4 is the sharper statement of the same break, so X-2 stays quiet where X-4 fires.
            RuleForEach(c => Documents(c.Report, c.Previous!).Where(d => d.RepealedWithinBound))
                .Must(d => d.Effective == d.PreviousEffective + d.Issued - d.Repealed)
                .ReportsAs(RuleIds.EffectiveDocuments, FindingSeverity.Warning, d => [d.EffectiveCell, d.IssuedCell, d.RepealedCell], d =>
                    $"{d.Label}：现行有效件数{N(d.Effective)}，但上年现行有效{N(d.PreviousEffective)}＋本年制发{N(d.Issued)}－本年废止{N(d.Repealed)}" +
                    $"＝{N(d.PreviousEffective + d.Issued - d.Repealed)}（如有文件因有效期届满失效，请说明）", facts: DocumentFacts);

            RuleForEach(c => Documents(c.Report, c.Previous!))
                .Must(d => d.RepealedWithinBound)
                .ReportsAs(RuleIds.RepealedBound, FindingSeverity.Warning, d => [d.RepealedCell, d.IssuedCell], d =>
                    $"{d.Label}：本年废止件数{N(d.Repealed)}，超过上年现行有效{N(d.PreviousEffective)}＋本年制发{N(d.Issued)}＝{N(d.PreviousEffective + d.Issued)}", facts: DocumentFacts);

            RuleForEach(c => Items(c.Report, c.Previous!))
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

    /// <summary>Section 三 has the same rows in both templates, so X-1 also spans 2020 (T2019) → 2021 (T2021).</summary>
    private static IEnumerable<CarriedOverCheck> CarriedOver(ReportDocument report, ReportDocument previous)
    {
        var checks = ReportTemplates.ApplicantColumns
            .Select(column => new CarriedOverCheck(
                report.Definition.Cell($"s3.carried_in.{column.Code}"),
                ReportTotals.Effective(report, $"s3.carried_in.{column.Code}"),
                ReportTotals.Effective(previous, $"s3.carried_out.{column.Code}"),
                previous.Year))
            .ToList();

        // A break in an applicant column necessarily breaks 总计 too; one 说明 per cause is enough.
        var partBroken = checks.Take(6).Any(x => x.CarriedIn != x.PreviousCarriedOut);
        return partBroken ? checks.Take(6) : checks;
    }

    /// <summary>X-2 and X-4 compare T2021's 制发/废止/现行有效 columns; T2019 has different columns (§6.4).</summary>
    private static IEnumerable<DocumentCheck> Documents(ReportDocument report, ReportDocument previous)
    {
        if (report.Template != TemplateVersion.T2021 || previous.Template != TemplateVersion.T2021)
        {
            return [];
        }

        return DocumentRows.Select(row =>
        {
            var effective = report.Definition.Cell($"s2.{row}.effective");
            return new DocumentCheck(
                effective.RowName,
                effective.Code,
                $"s2.{row}.issued",
                $"s2.{row}.repealed",
                ReportTotals.Effective(report, effective.Code),
                ReportTotals.Effective(report, $"s2.{row}.issued"),
                ReportTotals.Effective(report, $"s2.{row}.repealed"),
                ReportTotals.Effective(previous, effective.Code));
        });
    }

    private static IEnumerable<ItemCheck> Items(ReportDocument report, ReportDocument previous)
    {
        if (report.Template != TemplateVersion.T2019 || previous.Template != TemplateVersion.T2019)
        {
            return [];
        }

        return ItemRows.Select(row => new ItemCheck(
            report.Definition.Cell($"s2.{row}.prev"),
            ReportTotals.Effective(report, $"s2.{row}.prev"),
            ReportTotals.Effective(previous, $"s2.{row}.prev"),
            ReportTotals.Effective(previous, $"s2.{row}.change"),
            previous.Year));
    }

    private sealed record CarriedOverCheck(CellDefinition Cell, decimal CarriedIn, decimal PreviousCarriedOut, int PreviousYear);

    private sealed record DocumentCheck(
        string Label, string EffectiveCell, string IssuedCell, string RepealedCell, decimal Effective, decimal Issued, decimal Repealed, decimal PreviousEffective)
    {
        public bool RepealedWithinBound => Repealed <= PreviousEffective + Issued;
    }

    private sealed record ItemCheck(CellDefinition Cell, decimal Prev, decimal PreviousPrev, decimal PreviousChange, int PreviousYear);
}
