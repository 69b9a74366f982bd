using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Rules;

/// <summary>
/// The public wording of a published finding, built from its stored facts and the template's names, never from the
/// rules (which may have changed since publication). Written for a reader of the report rather than for the filler:
/// plain rule names, no rule codes, no instructions. When a fact is missing (a 说明 whose warning had gone) the
/// sentence says only what is known.
/// </summary>
public static class FindingText
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [RuleIds.ColumnBalance] = "申请数量收支不平衡",
        [RuleIds.ProcessedTotal] = "办理结果总计与分项不符",
        [RuleIds.RowTotal] = "总计与分项不符",
        [RuleIds.CarriedOutBound] = "结转下年度数量超出上限",
        [RuleIds.AppealTotal] = "复议诉讼总计与分项不符",
        [RuleIds.WholeNumber] = "件数应为整数",
        [RuleIds.Amount] = "金额格式不符",
        [RuleIds.BlankAsZero] = "空白单元格按0处理",
        [RuleIds.FeeUnit] = "信息处理费数额异常偏大",
        [RuleIds.Period] = "正文所述报告期与年度不符",
        [RuleIds.Narrative] = "正文数字与表格不一致",
        [RuleIds.RulesIssuer] = "规章制发数量存疑",
        [RuleIds.NoFeeStatement] = "未说明信息处理费收取情况",
        [RuleIds.CarriedOverAcrossYears] = "上年结转与上年报告不一致",
        [RuleIds.EffectiveDocuments] = "现行有效件数与上年不衔接",
        [RuleIds.PreviousItemCount] = "上一年项目数量与上年报告不一致",
        [RuleIds.RepealedBound] = "废止件数超过上年现行有效与本年制发之和",
        [RuleIds.Unchecked] = "部分数据未能读取，无法核对",
        [RuleIds.Copied] = "正文与其他报告文字雷同",
    };

    private static readonly Dictionary<string, string> NarrativeSubjectNames = new(StringComparer.Ordinal)
    {
        [NarrativeSubjects.Requests] = "收到或受理政府信息公开申请",
        [NarrativeSubjects.Review] = "行政复议",
        [NarrativeSubjects.Suits] = "行政诉讼",
    };

    /// <summary>The plain name of a rule, e.g. 「空白单元格按0处理」; a rule this version does not know is called 校验提示.</summary>
    public static string RuleName(string ruleId) => Names.GetValueOrDefault(ruleId, "校验提示");

    /// <summary>One Chinese sentence, ending in 「。」, saying what the finding found, with its numbers.</summary>
    public static string Describe(PublishedFinding finding, TemplateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(definition);
        var facts = new Facts(finding, definition);
        return (finding.RuleId switch
        {
            RuleIds.BlankAsZero => BlankAsZero(facts),
            RuleIds.FeeUnit => facts.Value(0) is { } fee
                ? $"“{facts.CellName(0)}”填报为{N(fee)}万元（即{N(fee / 10_000m)}亿元），数额明显偏大，可能是按“元”填报的"
                : null,
            RuleIds.RulesIssuer => facts.Value(0) is { } issued
                ? $"“{facts.CellName(0)}”填报为{N(issued)}件，但{facts.Term("reason") ?? "本机关"}按照《立法法》无权制定规章"
                : null,
            RuleIds.Period => Period(facts),
            RuleIds.Copied => Copied(facts),
            RuleIds.Narrative => Narrative(facts),
            RuleIds.NoFeeStatement => "正文未说明本年度是否收取信息处理费",
            RuleIds.CarriedOverAcrossYears => facts.Value(0) is { } carriedIn && facts.Number("previousCarriedOut") is { } carriedOut && facts.Number("previousYear") is { } year
                ? $"{facts.Cell(0)?.ColumnLabel}一栏本年“上年结转”为{N(carriedIn)}件，而{N(year)}年报告的“结转下年度继续办理”为{N(carriedOut)}件"
                : null,
            RuleIds.EffectiveDocuments => EffectiveDocuments(facts),
            RuleIds.RepealedBound => facts.Value(0) is { } repealed && facts.Value(1) is { } issuedThisYear && facts.Number("previousEffective") is { } effective
                ? $"{facts.Cell(0)?.RowName}本年废止{N(repealed)}件，多于上年现行有效{N(effective)}件与本年制发{N(issuedThisYear)}件之和（{N(effective + issuedThisYear)}件）"
                : null,
            RuleIds.PreviousItemCount => facts.Value(0) is { } prev && facts.Number("previousPrev") is { } lastPrev && facts.Number("previousChange") is { } change && facts.Number("previousYear") is { } y
                ? $"“{facts.CellName(0)}”为{N(prev)}，而{N(y)}年报告的上一年项目数量{N(lastPrev)}加本年增减{N(change)}为{N(lastPrev + change)}"
                : null,
            _ => Figures(facts),
        } ?? Fallback(facts)) + "。";
    }

    private static string? BlankAsZero(Facts facts)
    {
        var cells = facts.Cells.ToList();
        if (cells.Count == 0)
        {
            return null;
        }

        var table = facts.Finding.Anchor is { } id ? facts.Definition.Tables.FirstOrDefault(t => t.Id == id) : null;
        var section = table is null ? null : facts.Definition.Sections.FirstOrDefault(s => s.Tables.Contains(table));
        var name = section is null ? "表格" : table!.Caption is null ? $"“{section.Heading}”表" : $"“{section.Heading} {table.Caption}”表";
        var rows = cells.GroupBy(c => c.RowName).Select(g => $"{g.Key}：{string.Join("、", g.Select(c => c.ColumnLabel))}");
        return $"{name}有{cells.Count}个单元格未填写，已按0计算（{string.Join("；", rows)}）";
    }

    private static string? Period(Facts facts)
    {
        var years = facts.Indexed("statedYear").ToList();
        if (years.Count == 0 || facts.Number("reportYear") is not { } reportYear)
        {
            return null;
        }

        var phrase = facts.Term("phrase") is { Length: > 0 } p ? $"（“{p}”）" : string.Empty;
        return $"正文把{string.Join("、", years.Select(N))}年写作报告期{phrase}，而本报告为{N(reportYear)}年度报告";
    }

    private static string? Copied(Facts facts)
    {
        if (facts.Number("percent") is not { } percent || facts.Term("sourceAgency") is not { Length: > 0 } agency || facts.Number("sourceYear") is not { } year)
        {
            return null;
        }

        var section = facts.Term("section") is { } key && facts.Definition.Sections.FirstOrDefault(s => s.Key == key) is { } s ? $"“{s.Heading}”" : "正文";
        return $"{section}有{N(percent)}%的文字与{agency}{N(year)}年度报告相同";
    }

    private static string? Narrative(Facts facts)
    {
        var stated = facts.Indexed("stated").ToList();
        var figures = facts.CellValues().ToList();
        if (stated.Count == 0 || figures.Count == 0)
        {
            return null;
        }

        var subject = NarrativeSubjectNames.GetValueOrDefault(facts.Term("subject") ?? string.Empty, "相关事项");
        return $"正文称{subject}{string.Join("、", stated.Select(N))}件，而表中{string.Join("，", figures.Select(f => $"“{f.Cell.DisplayName}”为{N(f.Value)}"))}";
    }

    private static string? EffectiveDocuments(Facts facts)
    {
        if (facts.Value(0) is not { } effective || facts.Value(1) is not { } issued || facts.Value(2) is not { } repealed
            || facts.Number("previousEffective") is not { } previous)
        {
            return null;
        }

        return $"{facts.Cell(0)?.RowName}现行有效{N(effective)}件，而上年现行有效{N(previous)}件加本年制发{N(issued)}件、减本年废止{N(repealed)}件应为{N(previous + issued - repealed)}件";
    }

    /// <summary>A rule without wording of its own (a balance rule; published reports have none): its cells and their numbers.</summary>
    private static string? Figures(Facts facts)
    {
        var figures = facts.CellValues().ToList();
        return figures.Count == 0 ? null : $"{RuleName(facts.Finding.RuleId)}：{string.Join("，", figures.Select(f => $"“{f.Cell.DisplayName}”为{N(f.Value)}"))}";
    }

    private static string Fallback(Facts facts)
    {
        var cells = facts.Cells.Select(c => c.DisplayName).ToList();
        return cells.Count == 0 ? RuleName(facts.Finding.RuleId) : $"{RuleName(facts.Finding.RuleId)}（涉及{string.Join("；", cells)}）";
    }

    private static string N(decimal value) => RuleFormat.Number(value);

    /// <summary>Reads a finding's facts against the template, tolerating what is missing.</summary>
    private sealed class Facts(PublishedFinding finding, TemplateDefinition definition)
    {
        public PublishedFinding Finding => finding;

        public TemplateDefinition Definition => definition;

        public IEnumerable<CellDefinition> Cells =>
            finding.CellCodes.Select(code => definition.TryGetCell(code, out var cell) ? cell : null).OfType<CellDefinition>();

        public CellDefinition? Cell(int index) =>
            index < finding.CellCodes.Count && definition.TryGetCell(finding.CellCodes[index], out var cell) ? cell : null;

        public string CellName(int index) => Cell(index)?.DisplayName ?? "该单元格";

        /// <summary>The number stored for the finding's <paramref name="index"/>-th cell.</summary>
        public decimal? Value(int index) =>
            index < finding.CellCodes.Count ? Number(finding.CellCodes[index]) : null;

        public decimal? Number(string name) => finding.Numbers.TryGetValue(name, out var value) ? value : null;

        public string? Term(string name) => finding.Terms.GetValueOrDefault(name);

        /// <summary>name1, name2, … in order, up to the first gap.</summary>
        public IEnumerable<decimal> Indexed(string name)
        {
            for (var i = 1; Number($"{name}{i}") is { } value; i++)
            {
                yield return value;
            }
        }

        /// <summary>Every stored number that is a cell of this template, in template order.</summary>
        public IEnumerable<(CellDefinition Cell, decimal Value)> CellValues() =>
            definition.Cells.Where(c => finding.Numbers.ContainsKey(c.Code)).Select(c => (c, finding.Numbers[c.Code]));
    }
}
