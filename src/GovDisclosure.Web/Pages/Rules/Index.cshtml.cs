using GovDisclosure.Domain.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Rules;

/// <summary>
/// 校验规则说明: every rule the platform checks, in plain Chinese with an example (taken from docs/rules.md), so a
/// finding on a report page can link to what it means. The only public page that shows the rule ids: the API
/// carries them, and a reader comparing both needs the key.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = Public.PublicCache.ListPolicy)]
public sealed class IndexModel : PageModel
{
    public sealed record Rule(string Id, bool IsError, string Checks, string Example)
    {
        public string Name => FindingText.RuleName(Id);
    }

    public static readonly IReadOnlyList<Rule> All =
    [
        new(RuleIds.WholeNumber, true, "件数、项目数等计数单元格应为不小于0的整数（“本年增/减”一类可为负数）。",
            "“四 行政复议 — 尚未审结”填报为-1：应为不小于0的整数。"),
        new(RuleIds.Amount, true, "以万元计的金额最多保留4位小数（精确到元），且不为负数。",
            "“二（八）行政事业性收费 — 本年收费金额（单位：万元）”填报为3.27001：最多保留4位小数。"),
        new(RuleIds.ColumnBalance, true, "表三每一申请人列：本年新收＋上年结转＝办理结果总计＋结转下年度继续办理。",
            "自然人列：本年新收47＋上年结转4＝51，但办理结果总计48＋结转下年度4＝52。"),
        new(RuleIds.ProcessedTotal, true, "表三“（七）总计”等于（一）至（六）各项办理结果之和。",
            "“三（七）总计 — 自然人”填报为48，但各分项之和为49。"),
        new(RuleIds.RowTotal, true, "表三“总计”列等于自然人、商业企业、科研机构、社会公益组织、法律服务机构和其他六列之和。",
            "“三（一）予以公开 — 总计”填报为13，但各分项之和为14。"),
        new(RuleIds.AppealTotal, true, "表四行政复议、行政诉讼各组的“总计”等于结果维持、结果纠正、其他结果和尚未审结之和。",
            "“四 行政复议 — 总计”填报为4，但结果维持3＋结果纠正0＋其他结果1＋尚未审结1＝5。"),
        new(RuleIds.CarriedOutBound, true, "结转下年度继续办理的申请不能多于本年新收与上年结转之和，办理结果总计不能为负。",
            "自然人列办理结果总计为-2、结转下年度53：结转的申请多于收到的申请。"),
        new(RuleIds.BlankAsZero, false, "表格中应填数字的单元格留了空白。空白按0计算；确为0的应填写0。每张表提示一次。",
            "“三、收到和处理政府信息公开申请情况”有1个单元格空白，已按0计算（三（三）3 危及“三安全一稳定”：科研机构）。"),
        new(RuleIds.FeeUnit, false, "信息处理费以万元填报；达到1亿元的数额多半是误按“元”填报。",
            "“本年收费金额（单位：万元）”填报为32700万元（即3.27亿元），按元计应为3.27万元。"),
        new(RuleIds.RulesIssuer, false, "依照《立法法》，只有国务院部门和省级、设区的市级人民政府可以制定规章；县级及以下机关填报本年制发规章，需说明。",
            "县级的新华区人民政府办公室填报“规章 — 本年制发件数”为1。"),
        new(RuleIds.CarriedOverAcrossYears, false, "本年“上年结转”应等于上一年度报告的“结转下年度继续办理”。",
            "自然人列：本年“上年结转”3，但2021年报告“结转下年度继续办理”为2。"),
        new(RuleIds.EffectiveDocuments, false, "规章、行政规范性文件的现行有效件数＝上年现行有效＋本年制发－本年废止（2021年起的格式）。",
            "行政规范性文件：现行有效件数55，但上年现行有效54＋本年制发2－本年废止2＝54。"),
        new(RuleIds.PreviousItemCount, false, "本年“上一年项目数量”应等于上一年度报告的上一年项目数量加本年增/减（2019年格式）。",
            "“二（六）行政处罚 — 上一年项目数量”为0，但2019年报告上一年项目数量5＋本年增/减（-2）＝3。"),
        new(RuleIds.RepealedBound, false, "本年废止件数不能超过上年现行有效件数与本年制发件数之和。",
            "行政规范性文件：本年废止件数60，超过上年现行有效54＋本年制发2＝56。"),
        new(RuleIds.Period, false, "正文写明的统计期限应为报告年度本身。",
            "2020年度报告正文称“统计期限自2019年1月1日起至2019年12月31日止”。"),
        new(RuleIds.Narrative, false, "正文中收到申请、行政复议、行政诉讼的件数应与表格一致。",
            "正文称收到或受理政府信息公开申请4件，但表三本年新收申请总计为3。"),
        new(RuleIds.NoFeeStatement, false, "按《政府信息公开信息处理费管理办法》，2021年起的报告应写明本年度是否收取信息处理费及金额。",
            "“六、其他需要报告的事项”只写了“无。”，全文未提信息处理费。"),
        new(RuleIds.Unchecked, false, "导入的原文中有单元格未能读取时，用到这些单元格的核对无法进行：平台只说明缺少哪些数据，不把它们当作0去比较。",
            "原文表四未能识别，正文称行政诉讼9件：平台提示“无法核对”并列出表四缺少的单元格，而不是称表四总计为0。"),
        new(RuleIds.Copied, false, "正文某一部分与本机关往年报告或其他机关已发布报告的相同文字达到本地区设定的提示线时，提交前需说明。法定格式的标题、《条例》引文和表格项目不计入。",
            "“一、总体情况”有85%的文字与本机关上一年度报告相同，本地区提示线为60%：填报单位需说明沿用的原因或改写。"),
    ];
}
