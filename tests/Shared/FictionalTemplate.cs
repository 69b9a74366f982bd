using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Tests.Shared;

/// <summary>
/// A third template that exists only here: the 2021 format plus one result row in table 三 (「（八）申请人撤回申请」)
/// and one result column in table 四 (「和解结案」), used from 2026 on in <see cref="Catalog"/>. Tests use it to
/// show that rules, importer, exports and PDF read whatever definition they are given, with no production change.
/// </summary>
public static class FictionalTemplate
{
    public const string RowLabel = "（八）申请人撤回申请";
    public const string RowName = "三（八）申请人撤回申请";
    public const string ResultLabel = "和解结案";
    public const string NewRowCode = "withdrawn";
    public const string NewResultCode = "settled";

    public static TemplateVersion Version { get; } = new("T2026X");

    public static TemplateDefinition Definition { get; } = Build();

    /// <summary>The two national templates and the fictional one, which the catalogue picks for 2026 on.</summary>
    public static TemplateCatalog Catalog { get; } = new([ReportTemplates.T2019, ReportTemplates.T2021, Definition]);

    /// <summary>A cell of the new row in table 三, e.g. 「natural」 or 「total」.</summary>
    public static string NewRowCell(string column) => Definition.Table("s3").Rows.Single(r => r.Code == NewRowCode).Cells.Single(c => c.ColumnCode == column).Code;

    /// <summary>The new result column's cell in table 四 for a group, e.g. 「review」.</summary>
    public static string NewResultCell(string group) => Definition.Table("s4").Rows[0].Cells.Single(c => c.ColumnCode == $"{group}.{NewResultCode}").Code;

    /// <summary>Every cell 0 except one balanced request: received 3 by a natural person, 2 granted, 1 withdrawn.</summary>
    public static ReportDocument Balanced(int year = 2026)
    {
        var report = new ReportDocument(Definition, year, "虚构市人民政府办公室", $"虚构市人民政府办公室{year}年政府信息公开工作年度报告");
        foreach (var cell in Definition.Cells)
        {
            report.Cells[cell.Code] = 0m;
        }

        foreach (var column in new[] { "natural", "total" })
        {
            report.Cells[$"s3.received.{column}"] = 3;
            report.Cells[$"s3.granted.{column}"] = 2;
            report.Cells[NewRowCell(column)] = 1;
            report.Cells[$"s3.processed.{column}"] = 3;
        }

        report.Cells[NewResultCell("review")] = 2;
        report.Cells["s4.review.total"] = 2;
        report.Sections[SectionKeys.Overview] = $"{year}年，本机关收到政府信息公开申请3件，发生行政复议2件，未发生行政诉讼。";
        report.Sections[SectionKeys.Other] = "本年度未收取信息处理费。";
        return report;
    }

    private static TemplateDefinition Build()
    {
        var t2021 = ReportTemplates.T2021;
        var s3 = WithResultRow(t2021.Table("s3"));
        var s4 = WithResultColumn(t2021.Table("s4"));
        var sections = t2021.Sections
            .Select(s => s with { Tables = s.Tables.Select(t => t.Id == s3.Id ? s3 : t.Id == s4.Id ? s4 : t).ToList() })
            .ToList();

        var columns = s3.Rows[0].Cells.Select(c => c.ColumnCode).ToList();
        var sums = new List<SumRule>();
        foreach (var sum in t2021.Sums)
        {
            if (sum.RuleId == "R3-C")
            {
                // （七）总计 now counts the new row too.
                var column = sum.Total[(sum.Total.LastIndexOf('.') + 1)..];
                sums.Add(sum with { Parts = [.. sum.Parts, NewRowCellOf(s3, column)] });
            }
            else if (sum.RuleId == "R4-A")
            {
                var group = sum.Total.Split('.')[1];
                sums.Add(sum with { Parts = [.. sum.Parts, $"s4.{group}.{NewResultCode}"] });
            }
            else
            {
                sums.Add(sum);
            }
        }

        sums.Add(new SumRule("R3-D", NewRowCellOf(s3, "total"), columns.Take(6).Select(c => NewRowCellOf(s3, c)).ToList()));

        return new TemplateDefinition(Version, "2026年版格式（虚构，仅供测试）", "测试用虚构格式", sections, sums)
        {
            InterchangeCode = "2026X",
            Edition = "2026年版",
            FirstYear = 2026,
            CarryOvers = t2021.CarryOvers,
            ChartSeries = t2021.ChartSeries,
            Rules = t2021.Rules,
            Import = t2021.Import,
        };
    }

    private static string NewRowCellOf(TableDefinition s3, string column) =>
        s3.Rows.Single(r => r.Code == NewRowCode).Cells.Single(c => c.ColumnCode == column).Code;

    /// <summary>Table 三 with the new row just above （七）总计, inside the 「三、本年度办理结果」 block.</summary>
    private static TableDefinition WithResultRow(TableDefinition s3)
    {
        var cells = s3.Rows[0].Cells
            .Select(c => new CellDefinition($"s3.{NewRowCode}.{c.ColumnCode}", c.Kind, NewRowCode, c.ColumnCode, RowName, c.ColumnLabel))
            .ToList();
        var row = new RowDefinition(NewRowCode, RowLabel, null, [], cells);
        var processedIndex = s3.Rows.ToList().FindIndex(r => r.Code == "processed");
        var rows = s3.Rows.ToList();
        rows.Insert(processedIndex, row);

        var body = s3.BodyRows.Select(r => new GridRow(r.Cells.Select(c => c.RowSpan > 1 && c.Text == "三、本年度办理结果" ? c with { RowSpan = c.RowSpan + 1 } : c).ToList())).ToList();
        var processedGrid = body.FindIndex(r => r.Cells.Any(c => c.CellCode == $"s3.processed.{cells[0].ColumnCode}"));
        body.Insert(processedGrid, new GridRow([new GridCell(RowLabel, ColSpan: 2), .. cells.Select(c => new GridCell(null, c.Code))]));
        return s3 with { BodyRows = body, Rows = rows };
    }

    /// <summary>Table 四 with 「和解结案」 before each group's 总计.</summary>
    private static TableDefinition WithResultColumn(TableDefinition s4)
    {
        var old = s4.Rows[0].Cells;
        var groups = old.Select(c => c.ColumnCode.Split('.')[0]).Distinct().ToList();
        var cells = new List<CellDefinition>();
        foreach (var group in groups)
        {
            var own = old.Where(c => c.ColumnCode.StartsWith(group + ".", StringComparison.Ordinal)).ToList();
            cells.AddRange(own.Take(own.Count - 1));
            cells.Add(new CellDefinition($"s4.{group}.{NewResultCode}", CellKind.Count, own[0].RowCode, $"{group}.{NewResultCode}", own[0].RowName, ResultLabel));
            cells.Add(own[^1]);
        }

        var results = cells.Take(cells.Count / groups.Count).Select(c => c.ColumnLabel).ToList();
        var width = results.Count;
        GridRow[] header =
        [
            new([new GridCell("行政复议", ColSpan: width), new GridCell("行政诉讼", ColSpan: width * 2)]),
            new([.. results.Select(r => new GridCell(r, RowSpan: 2)), new GridCell("未经复议直接起诉", ColSpan: width), new GridCell("复议后起诉", ColSpan: width)]),
            new([.. results.Select(r => new GridCell(r)), .. results.Select(r => new GridCell(r))]),
        ];
        var row = s4.Rows[0] with { Cells = cells };
        return s4 with
        {
            ColumnCount = cells.Count,
            HeaderRows = header,
            BodyRows = [new GridRow(cells.Select(c => new GridCell(null, c.Code)).ToList())],
            Rows = [row],
        };
    }
}
