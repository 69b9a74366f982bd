using System.Text;
using System.Text.RegularExpressions;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

/// <summary>
/// Label comparison that ignores what extractions and typists vary: whitespace and line breaks, full- and
/// half-width brackets and digits, straight and curly quotes, 「、」/「，」 separators, 「1、」/「1．」 numbering.
/// </summary>
internal static partial class Labels
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '０' and <= '９' => (char)(raw - '０' + '0'),
                '（' or '〔' or '[' or '【' => '(',
                '）' or '〕' or ']' or '】' => ')',
                '，' or ',' or '、' => '、',
                '：' => ':',
                '．' or '。' when builder.Length > 0 && char.IsAsciiDigit(builder[^1]) => '.',
                '／' => '/',
                _ => raw,
            };
            if (char.IsWhiteSpace(c) || c is '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」' or '*' or '\u200b' or '\ufeff')
            {
                continue;
            }

            builder.Append(c);
        }

        var normalized = builder.ToString();

        // 「1、属于国家秘密」 and 「1.属于国家秘密」 are the same row.
        if (normalized.Length > 1 && char.IsAsciiDigit(normalized[0]))
        {
            normalized = NumberedWithComma().Replace(normalized, "$1.");
        }

        return normalized.TrimEnd(':');
    }

    [GeneratedRegex(@"^(\d{1,2})、")]
    private static partial Regex NumberedWithComma();
}

/// <summary>Recognises the six section headings, in the long and short forms seen in the wild.</summary>
internal static partial class Headings
{
    private static readonly (int Section, string[] Keywords)[] Keys =
    [
        (1, ["总体情况"]),
        (2, ["主动公开"]),
        (3, ["收到和处理", "依申请公开"]),
        (4, ["行政复议", "行政诉讼"]),
        (5, ["存在的主要问题", "改进情况"]),
        (6, ["其他需要报告"]),
    ];

    /// <summary>The section number (1 … 6) a line is the heading of, or null.</summary>
    public static int? SectionOf(string line)
    {
        var text = line.Trim().TrimStart('#', ' ', '*').Trim();
        if (text.Length is < 4 or > 40)
        {
            return null;
        }

        var match = Ordinal().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = "一二三四五六".IndexOf(match.Groups[1].Value[0], StringComparison.Ordinal) + 1;
        var rest = text[match.Length..];

        // Table 三's own row labels also start with 一、 … 四、; they are not headings.
        if (rest.StartsWith("本年", StringComparison.Ordinal) || rest.StartsWith("上年", StringComparison.Ordinal) || rest.StartsWith("结转", StringComparison.Ordinal))
        {
            return null;
        }

        return Keys[number - 1].Keywords.Any(k => rest.Contains(k, StringComparison.Ordinal)) ? number : null;
    }

    [GeneratedRegex(@"^([一二三四五六])\s*[、.．]\s*")]
    private static partial Regex Ordinal();
}

/// <summary>What a table label means: the data row it anchors, or a header that says which template it is.</summary>
internal sealed record LabelMeaning(string? RowKey, TemplateVersion? Evidence, bool IsAppealHeader);

/// <summary>
/// Every row label and alias of both templates, normalised, mapped to a row key (「s3:withheld.3」). Built
/// from the template definitions so a new template's labels are recognised without touching the importer.
/// </summary>
internal static class LabelIndex
{
    private static readonly Dictionary<string, LabelMeaning> Exact = Build();

    private static readonly (string Normalized, string RowKey)[] Prefixes = Exact
        .Where(e => e.Value.RowKey is not null && e.Key.Length >= 6)
        .Select(e => (e.Key, e.Value.RowKey!))
        .ToArray();

    private static readonly string[] AppealHeaders = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉"];

    /// <summary>The longest label with a note appended; anything longer is prose, not a label.</summary>
    private const int MaxLabelLength = 80;

    public static LabelMeaning? Find(string text)
    {
        if (text.Length > MaxLabelLength)
        {
            return null;
        }

        var key = Labels.Normalize(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (Exact.TryGetValue(key, out var meaning))
        {
            return meaning;
        }

        if (AppealHeaders.Contains(key))
        {
            return new LabelMeaning(null, null, true);
        }

        // Header evidence may carry a unit note: 「本年收费金额（单位：万元，保留4位小数）」.
        foreach (var (marker, version) in HeaderEvidence)
        {
            if (key.StartsWith(marker, StringComparison.Ordinal))
            {
                return new LabelMeaning(null, version, false);
            }
        }

        // A shortened label (「（二）部分公开」) or a long one with a note appended: accepted when exactly one
        // row label matches, and only for labels long enough not to be a word in a sentence.
        string? found = null;
        foreach (var (label, rowKey) in Prefixes)
        {
            var matches = (key.Length >= 6 && label.StartsWith(key, StringComparison.Ordinal) && NumberedOrMarked(key))
                || (key.StartsWith(label, StringComparison.Ordinal) && key.Length - label.Length <= 30 && key[label.Length] == '(');
            if (!matches)
            {
                continue;
            }

            if (found is not null && found != rowKey)
            {
                return null;
            }

            found = rowKey;
        }

        return found is null ? null : new LabelMeaning(found, null, false);
    }

    /// <summary>Only numbered labels (「5.要求…」, 「（二）…」, 「一、…」) are matched by prefix: prose rarely starts so.</summary>
    private static bool NumberedOrMarked(string key) =>
        key.Length > 2 && (char.IsAsciiDigit(key[0]) || key[0] == '(' || "一二三四".Contains(key[0], StringComparison.Ordinal));

    private static readonly (string Marker, TemplateVersion Version)[] HeaderEvidence =
    [
        ("本年新制作数量", TemplateVersion.T2019), ("本年新公开数量", TemplateVersion.T2019), ("对外公开总数量", TemplateVersion.T2019),
        ("上一年项目数量", TemplateVersion.T2019), ("本年增/减", TemplateVersion.T2019), ("采购项目数量", TemplateVersion.T2019),
        ("采购总金额", TemplateVersion.T2019), ("第二十条第(九)项", TemplateVersion.T2019),
        ("本年制发件数", TemplateVersion.T2021), ("本年废止件数", TemplateVersion.T2021), ("现行有效件数", TemplateVersion.T2021),
        ("本年处理决定数量", TemplateVersion.T2021), ("本年收费金额", TemplateVersion.T2021),
    ];

    private static Dictionary<string, LabelMeaning> Build()
    {
        var index = new Dictionary<string, LabelMeaning>(StringComparer.Ordinal);
        foreach (var definition in ReportTemplates.All)
        {
            foreach (var table in definition.Tables.Where(t => t.Id != "s4"))
            {
                var prefix = table.Id == "s3" ? "s3" : "s2";
                foreach (var row in table.Rows)
                {
                    foreach (var label in row.AllLabels)
                    {
                        var key = Labels.Normalize(label);

                        // T2019's single 「（六）其他处理」 row is a group header in T2021: the key stays a row
                        // anchor, and a T2021 table simply has no values after it.
                        index.TryAdd(key, new LabelMeaning($"{prefix}:{row.Code}", null, false));
                    }
                }
            }
        }

        return index;
    }
}
