using FluentValidation;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// R3-A, the rule table 三 states itself (第一项加第二项之和，等于第三项加第四项之和), per applicant column,
/// and R3-E, the bound that follows from it; the columns are the template's <see cref="TemplateRules.RequestBalances"/>.
/// </summary>
internal sealed class RequestBalanceValidator : AbstractValidator<CheckContext>
{
    public RequestBalanceValidator()
    {
        RuleForEach(c => Columns(c.Report).Where(b => b.Known))
            .Must(b => b.Inflow == b.Outflow)
            .ReportsAs(RuleIds.ColumnBalance, FindingSeverity.Error, b => b.Cells, b =>
                $"{b.Label}列：本年新收{N(b.Received)}＋上年结转{N(b.CarriedIn)}＝{N(b.Inflow)}，" +
                $"但办理结果总计{N(b.Processed)}＋结转下年度{N(b.CarriedOut)}＝{N(b.Outflow)}", facts: Facts);

        // When R3-A already fails for the column the same numbers would be reported twice; with R3-A holding,
        // R3-E can only fail through a negative 办理结果总计, which is still worth saying in these words.
        RuleForEach(c => Columns(c.Report).Where(b => b.Known && b.Inflow == b.Outflow))
            .Must(b => b.CarriedOut <= b.Inflow)
            .ReportsAs(RuleIds.CarriedOutBound, FindingSeverity.Error, b => [b.Cells[3], b.Cells[0], b.Cells[1]], b =>
                $"{b.Label}列：结转下年度{N(b.CarriedOut)}大于本年新收{N(b.Received)}＋上年结转{N(b.CarriedIn)}＝{N(b.Inflow)}", facts: Facts);

        RuleForEach(c => UncheckedInputs.For(c.Report, RuleIds.ColumnBalance, "表三各列“本年新收＋上年结转＝办理结果总计＋结转下年度”",
                Columns(c.Report).SelectMany(b => b.Missing)))
            .ReportsUnchecked();
    }

    private static string N(decimal value) => RuleFormat.Number(value);

    private static FindingFacts Facts(ColumnBalance b) =>
        FindingFacts.Of(b.Cells.Zip([b.Received, b.CarriedIn, b.Processed, b.CarriedOut]));

    private static IEnumerable<ColumnBalance> Columns(ReportDocument report) =>
        report.Definition.Rules.RequestBalances.Select(balance =>
        {
            string[] cells = [balance.Received, balance.CarriedIn, balance.Processed, balance.CarriedOut];
            var v = cells.Select(code => ReportTotals.Effective(report, code)).ToArray();
            return new ColumnBalance(balance.ColumnLabel, cells, v[0], v[1], v[2], v[3], ReportTotals.Unknown(report, cells));
        });

    private sealed record ColumnBalance(
        string Label, string[] Cells, decimal Received, decimal CarriedIn, decimal Processed, decimal CarriedOut, IReadOnlyList<string> Missing)
    {
        /// <summary>Every input was read: a missing one is unknown, not 0, so the column is not compared.</summary>
        public bool Known => Missing.Count == 0;

        public decimal Inflow => Received + CarriedIn;

        public decimal Outflow => Processed + CarriedOut;
    }
}
