using System.Text.RegularExpressions;
using FluentValidation;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>Plausibility of section 二 (report-templates.md §6.5, §8 item 10): warnings, since exceptions exist.</summary>
internal sealed partial class ProactiveDisclosureValidator : AbstractValidator<CheckContext>
{
    /// <summary>
    /// The largest 本年收费金额 (万元) one report can plausibly state, by the agency's level: about the whole yearly
    /// 行政事业性收费 of a jurisdiction at that level, rounded up (docs/rules.md, W_UNIT_FEE, says where the figures
    /// come from). An amount typed in 元 is 10⁴ times too large and lands above the bound of its level; a large
    /// city's real tens of thousands of 万元 stay below the city bound.
    /// </summary>
    public static decimal ImplausibleFeeWan(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.National => 10_000_000m,
        AdministrativeLevel.Provincial => 5_000_000m,
        AdministrativeLevel.DistrictedCity => 1_000_000m,
        AdministrativeLevel.County => 100_000m,
        _ => 10_000m,
    };

    public ProactiveDisclosureValidator()
    {
        RuleForEach(c => FeeAmounts(c))
            .Must(fee => fee.Value < ImplausibleFeeWan(fee.Level))
            .ReportsAs(RuleIds.FeeUnit, FindingSeverity.Warning, fee => [fee.Cell.Code], fee =>
                $"“{fee.Cell.DisplayName}”填报为{RuleFormat.Number(fee.Value)}万元（即{RuleFormat.Number(fee.Value / 10_000m)}亿元），" +
                $"数额异常偏大，是否按“元”填报？按元计应为{RuleFormat.Number(decimal.Round(fee.Value / 10_000m, CellKinds.AmountDecimals))}万元",
                facts: fee => FindingFacts.Of([(fee.Cell.Code, fee.Value)]));

        RuleForEach(c => RulesIssued(c))
            .Must(r => r.Issued <= 0 || r.Reason is null)
            .ReportsAs(RuleIds.RulesIssuer, FindingSeverity.Warning, r => [r.Cell.Code], r =>
                $"“{r.Cell.DisplayName}”填报为{RuleFormat.Number(r.Issued)}，但{r.Reason}无权制定规章" +
                "（立法法：规章由国务院部门和省、自治区、直辖市及设区的市、自治州人民政府制定）；如填报的是上级规章或行政规范性文件，请更正或说明",
                facts: r => FindingFacts.Of([(r.Cell.Code, r.Issued)], [("reason", r.Reason ?? string.Empty)]));
    }

    private static IEnumerable<(CellDefinition Cell, decimal Value, AdministrativeLevel Level)> FeeAmounts(CheckContext context) =>
        context.Report.Definition.Rules.FeeCell is { } feeCell && context.Report.Cells.Get(feeCell) is { } value
            ? [(context.Report.Definition.Cell(feeCell), value, LevelOf(context))]
            : [];

    /// <summary>
    /// The profile's level; without one, what the name says (乡镇街道, 区县, 省), and otherwise a districted city:
    /// the bound that keeps real city amounts quiet when nothing says the agency is smaller.
    /// </summary>
    private static AdministrativeLevel LevelOf(CheckContext context)
    {
        if (context.Agency is { } agency)
        {
            return agency.Kind == AgencyKind.TownshipStreet ? AdministrativeLevel.Township : agency.Level;
        }

        var name = string.IsNullOrWhiteSpace(context.Report.Agency) ? context.Report.Title : context.Report.Agency;
        return TownshipName().IsMatch(name) ? AdministrativeLevel.Township
            : CountyOrBelowName().IsMatch(name) || CountyName().IsMatch(name) ? AdministrativeLevel.County
            : ProvinceName().IsMatch(name) && !name.Contains('市', StringComparison.Ordinal) ? AdministrativeLevel.Provincial
            : AdministrativeLevel.DistrictedCity;
    }

    private static IEnumerable<RulesIssuedCheck> RulesIssued(CheckContext context)
    {
        var definition = context.Report.Definition;
        if (definition.Rules.RulesIssuedCell is not { } code || !definition.HasCell(code))
        {
            yield break;
        }

        yield return new RulesIssuedCheck(definition.Cell(code), ReportTotals.Effective(context.Report, code), IneligibleIssuer(context));
    }

    /// <summary>Why the agency cannot issue 规章, or null when it may (or when nothing says it may not).</summary>
    internal static string? IneligibleIssuer(CheckContext context)
    {
        var name = string.IsNullOrWhiteSpace(context.Report.Agency) ? context.Report.Title : context.Report.Agency;
        if (context.Agency is { } agency)
        {
            return agency switch
            {
                { Level: AdministrativeLevel.County or AdministrativeLevel.Township } or { Kind: AgencyKind.TownshipStreet } =>
                    $"县级及以下机关{Quoted(name)}",
                // A provincial or city government's own office publishes the rules its government made.
                { Kind: AgencyKind.Department or AgencyKind.Other, Level: not AdministrativeLevel.National } when !GovernmentOfficeName().IsMatch(name) =>
                    $"地方政府部门{Quoted(name)}",
                _ => null,
            };
        }

        // Without a profile only names that cannot be misread are used: 区/县/旗 and 乡/镇/街道 bodies are all
        // below the 设区的市 level. A bare 市 could be a districted city or a county-level city, so it says nothing.
        return CountyOrBelowName().IsMatch(name) ? $"县级及以下机关{Quoted(name)}" : null;
    }

    private static string Quoted(string name) => string.IsNullOrWhiteSpace(name) ? string.Empty : $"（{name.Trim()}）";

    [GeneratedRegex("(?<!自治)(区|县|旗)人民政府|(乡|镇)人民政府|街道办事处|街道办")]
    private static partial Regex CountyOrBelowName();

    [GeneratedRegex("(乡|镇)人民政府|街道办事处|街道办")]
    private static partial Regex TownshipName();

    /// <summary>A 区/县/旗 in a name (「鄞州区市场监督管理局」), not 自治区, 地区, 社区, 园区 or 区域.</summary>
    [GeneratedRegex("(?<!自治|地|社|园|小|景)(区|县|旗)(?!域)")]
    private static partial Regex CountyName();

    [GeneratedRegex("省|自治区")]
    private static partial Regex ProvinceName();

    [GeneratedRegex("人民政府办公厅|人民政府办公室")]
    private static partial Regex GovernmentOfficeName();

    private sealed record RulesIssuedCheck(CellDefinition Cell, decimal Issued, string? Reason);
}
