namespace GovDisclosure.Domain.Templates;

/// <summary>The two national template definitions, built once as data (report-templates.md §3, §4, §12); <see cref="TemplateCatalog.Default"/> holds them.</summary>
public static class ReportTemplates
{
    // Declared before the definitions: static initialisers run in textual order and Build reads these.
    /// <summary>Section 三's applicant columns (§12.2), in layout order.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> ApplicantColumns =
    [
        ("natural", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"), ("nonprofit", "社会公益组织"),
        ("legal", "法律服务机构"), ("orgother", "其他"), ("total", "总计"),
    ];

    /// <summary>Section 四's groups and results (§12.3).</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> AppealGroups =
        [("review", "行政复议"), ("suit_direct", "行政诉讼 未经复议直接起诉"), ("suit_after_review", "行政诉讼 复议后起诉")];

    public static readonly IReadOnlyList<(string Code, string Label)> AppealResults =
        [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计")];

    /// <summary>T2019's 第二十条 rows whose 上一年项目数量 and 本年增/减 are checked against last year .</summary>
    private static readonly string[] ItemCountRows2019 = ["licensing", "services", "penalty", "coercion", "fees"];

    public static TemplateDefinition T2019 { get; } = Build(TemplateVersion.T2019);

    public static TemplateDefinition T2021 { get; } = Build(TemplateVersion.T2021);

    /// <summary>The default catalogue's definitions (<see cref="TemplateCatalog.Default"/>).</summary>
    public static IReadOnlyList<TemplateDefinition> All => TemplateCatalog.Default.All;

    public static TemplateDefinition Get(TemplateVersion version) => TemplateCatalog.Default.Get(version);

    public static TemplateDefinition ForYear(int reportYear) => TemplateCatalog.Default.ForYear(reportYear);

    private static TemplateDefinition Build(TemplateVersion version)
    {
        var is2019 = version == TemplateVersion.T2019;
        var s2 = is2019 ? Section2For2019() : Section2For2021();
        var (s3, s3Sums) = Section3(version);
        var (s4, s4Sums) = Section4();

        SectionDefinition[] sections =
        [
            new(1, SectionKeys.Overview, "一、总体情况", [], []),
            new(2, SectionKeys.Proactive, "二、主动公开政府信息情况", [], s2),
            new(3, SectionKeys.Requests, "三、收到和处理政府信息公开申请情况", [], [s3]),
            new(4, SectionKeys.Appeals, "四、政府信息公开行政复议、行政诉讼情况", ["四、政府信息公开行政复议及行政诉讼情况"], [s4]),
            new(5, SectionKeys.Problems, "五、存在的主要问题及改进情况", ["五、政府信息公开工作存在的主要问题及改进情况"], []),
            new(6, SectionKeys.Other, "六、其他需要报告的事项", [], []),
        ];

        // Section 三 has the same rows in both templates, so 结转下年度 → 上年结转 also spans 2020 (T2019) → 2021 (T2021).
        var backlog = ApplicantColumns.Select(c => new CarryOver($"s3.carried_out.{c.Code}", $"s3.carried_in.{c.Code}", Backlog: true)).ToList();
        var balances = ApplicantColumns
            .Select(c => new RequestBalance(c.Label, $"s3.received.{c.Code}", $"s3.carried_in.{c.Code}", $"s3.processed.{c.Code}", $"s3.carried_out.{c.Code}"))
            .ToList();
        var narrative = new NarrativeFacts("s3.received.total", "s3.carried_in.total", "s3.processed.total", "s4.review.total", "s4.suit_direct.total", "s4.suit_after_review.total");
        ChartSeries[] chart =
        [
            new("新收申请", ["s3.received.total"]),
            new("予以公开", ["s3.granted.total"]),
            new("行政复议", ["s4.review.total"]),
            new("行政诉讼", ["s4.suit_direct.total", "s4.suit_after_review.total"]),
        ];

        var indicators = Indicators();
        if (is2019)
        {
            return new TemplateDefinition(version, "2019年版格式（试行）", "国办公开办函〔2019〕60号", sections, [.. s3Sums, .. s4Sums])
            {
                InterchangeCode = "2019",
                Edition = "2019年版",
                FirstYear = 2019,
                LastYear = 2020,
                CarryOvers = backlog,
                ChartSeries = chart,
                Indicators = indicators,
                Rules = new TemplateRules
                {
                    RequestBalances = balances,
                    ItemCounts = [.. ItemCountRows2019.Select(r => new ItemCount($"s2.{r}.prev", $"s2.{r}.change"))],
                    RulesIssuedCell = "s2.rules.made",
                    Narrative = narrative,
                },
                // 采购总金额 states no unit: a bare number's unit is guessed and the agency asked.
                Import = new ImportCues(
                    ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额", "第二十条第（九）项"],
                    AmountLabelsStateUnit: false),
            };
        }

        string[] documentRows = ["rules", "normative"];
        return new TemplateDefinition(version, "2021年版格式", "国办公开办函〔2021〕30号", sections, [.. s3Sums, .. s4Sums])
        {
            InterchangeCode = "2021",
            Edition = "2021年版",
            FirstYear = 2021,
            // 现行有效件数 carry forward only from a template that has them (not from T2019).
            CarryOvers = [.. backlog, .. documentRows.Select(r => new CarryOver($"s2.{r}.effective", $"s2.{r}.effective", Backlog: false))],
            ChartSeries = chart,
            Indicators = indicators,
            Rules = new TemplateRules
            {
                RequestBalances = balances,
                DocumentStocks = [.. documentRows.Select(r => new DocumentStock(
                    s2.SelectMany(t => t.Rows).First(row => row.Code == r).Cells[0].RowName, $"s2.{r}.effective", $"s2.{r}.issued", $"s2.{r}.repealed"))],
                FeeCell = "s2.fees.amount",
                RequiresFeeStatement = true,
                RulesIssuedCell = "s2.rules.issued",
                Narrative = narrative,
            },
            // 本年收费金额（单位：万元） states its unit: a bare number is 万元.
            Import = new ImportCues(["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"], AmountLabelsStateUnit: true),
        };
    }

    // ---- Indicators ---------------------------------------------------------------------------------

    /// <summary>
    /// KIROGOVCOMPARE's formulas over section 三's 总计 column and section 四's groups. 其他处理 differs between the
    /// templates (one row in T2019, a group in T2021) but none of these formulas reads it, so both templates share them.
    /// </summary>
    private static IReadOnlyList<IndicatorDefinition> Indicators()
    {
        IndicatorTerm processed = new("办理结果总计", ["s3.processed.total"], 80);
        string[] suits = ["suit_direct", "suit_after_review"];
        return
        [
            new(IndicatorKeys.SubstantiveDisclosure, "实质公开率", IndicatorShape.Share,
                [new("予以公开", ["s3.granted.total"], 40), new("部分公开", ["s3.partial.total"], 10)], [processed],
                "办结的申请中，申请人得到了全部或部分所申请信息的比例。"),
            new(IndicatorKeys.Withheld, "不予公开率", IndicatorShape.Share,
                [new("不予公开（1至8项之和）", [.. Enumerable.Range(1, 8).Select(i => $"s3.withheld.{i}.total")], 12)], [processed],
                "办结的申请中，以法定不予公开理由拒绝的比例。"),
            new(IndicatorKeys.Unable, "无法提供率", IndicatorShape.Share,
                [new("无法提供（1至3项之和）", [.. Enumerable.Range(1, 3).Select(i => $"s3.unable.{i}.total")], 8)], [processed],
                "办结的申请中，因本机关不掌握、需另行制作或申请内容不明确而无法提供的比例。"),
            new(IndicatorKeys.ReviewCorrection, "行政复议纠错率", IndicatorShape.Share,
                [new("复议结果纠正", ["s4.review.corrected"], 9)],
                [new("复议总计", ["s4.review.total"], 40), new("复议尚未审结", ["s4.review.pending"], 4, Sign: -1)],
                "已审结的行政复议中，结果被纠正的比例；尚未审结的案件不计入分母。"),
            new(IndicatorKeys.SuitCorrection, "行政诉讼纠错率", IndicatorShape.Share,
                [new("诉讼结果纠正", [.. suits.Select(g => $"s4.{g}.corrected")], 3)],
                [new("诉讼总计", [.. suits.Select(g => $"s4.{g}.total")], 35), new("诉讼尚未审结", [.. suits.Select(g => $"s4.{g}.pending")], 5, Sign: -1)],
                "已审结的行政诉讼（未经复议直接起诉与复议后起诉合计）中，结果被纠正的比例。"),
            new(IndicatorKeys.RequestGrowth, "申请量同比", IndicatorShape.YearOnYear,
                [new("新收申请", ["s3.received.total"], 120)], [],
                "本年新收申请比上年增加（正）或减少（负）的幅度；分母是上年的新收申请，上年报告未发布时不计算。")
            {
                PreviousExample = 100,
            },
        ];
    }

    // ---- Section 二 -------------------------------------------------------------------------------

    private sealed record Col(string Code, string Label, CellKind Kind = CellKind.Count);

    private sealed record Row2(string Code, string Label, string[] Aliases);

    /// <summary>
    /// A 第二十条 sub-table on a 4-column grid (label + 3 data columns). Sub-tables with fewer data
    /// columns stretch their last column, as the standard layout does.
    /// </summary>
    private static TableDefinition Article20Table(string item, Row2[] rows, Col[] cols)
    {
        const int width = 4;
        var caption = $"第二十条第（{item}）项";
        var lastSpan = width - cols.Length;
        var header = new List<GridCell> { new("信息内容") };
        for (var i = 0; i < cols.Length; i++)
        {
            header.Add(new GridCell(cols[i].Label, ColSpan: i == cols.Length - 1 ? lastSpan : 1));
        }

        var rowDefs = new List<RowDefinition>();
        var body = new List<GridRow>();
        foreach (var row in rows)
        {
            var cells = cols.Select(c => new CellDefinition($"s2.{row.Code}.{c.Code}", c.Kind, row.Code, c.Code, $"二（{item}）{row.Label}", c.Label)).ToList();
            rowDefs.Add(new RowDefinition(row.Code, row.Label, null, row.Aliases, cells));
            var grid = new List<GridCell> { new(row.Label) };
            for (var i = 0; i < cells.Count; i++)
            {
                grid.Add(new GridCell(null, cells[i].Code, ColSpan: i == cells.Count - 1 ? lastSpan : 1));
            }

            body.Add(new GridRow(grid));
        }

        return new TableDefinition(
            $"s2.art20.{ItemNumber(item)}",
            caption,
            width,
            [new GridRow([new GridCell(caption, ColSpan: width)]), new GridRow(header)],
            body,
            rowDefs);
    }

    private static int ItemNumber(string item) => Array.IndexOf(["一", "二", "三", "四", "五", "六", "七", "八", "九"], item) + 1;

    private static TableDefinition[] Section2For2019()
    {
        Col[] made = [new("made", "本年新制作数量"), new("published", "本年新公开数量"), new("total", "对外公开总数量")];
        Col[] items = [new("prev", "上一年项目数量"), new("change", "本年增/减", CellKind.SignedCount), new("decisions", "处理决定数量")];
        return
        [
            Article20Table("一", [new("rules", "规章", []), new("normative", "规范性文件", ["行政规范性文件"])], made),
            Article20Table("五", [new("licensing", "行政许可", []), new("services", "其他对外管理服务事项", [])], items),
            Article20Table("六", [new("penalty", "行政处罚", []), new("coercion", "行政强制", [])], items),
            Article20Table("八", [new("fees", "行政事业性收费", [])], [items[0], items[1]]),
            Article20Table("九", [new("procurement", "政府集中采购", [])], [new("count", "采购项目数量"), new("amount", "采购总金额", CellKind.Amount)]),
        ];
    }

    private static TableDefinition[] Section2For2021()
    {
        Col[] docs = [new("issued", "本年制发件数"), new("repealed", "本年废止件数"), new("effective", "现行有效件数")];
        Col[] decisions = [new("decisions", "本年处理决定数量")];
        return
        [
            Article20Table("一", [new("rules", "规章", []), new("normative", "行政规范性文件", ["规范性文件"])], docs),
            Article20Table("五", [new("licensing", "行政许可", [])], decisions),
            Article20Table("六", [new("penalty", "行政处罚", []), new("coercion", "行政强制", [])], decisions),
            Article20Table("八", [new("fees", "行政事业性收费", [])], [new("amount", "本年收费金额（单位：万元）", CellKind.Amount)]),
        ];
    }

    // ---- Section 三 -------------------------------------------------------------------------------

    private sealed record Row3(string Code, string Label, string Name, string[] Aliases);

    private sealed record Group3(string Label, Row3[] Rows);

    private static (TableDefinition Table, IReadOnlyList<SumRule> Sums) Section3(TemplateVersion version)
    {
        const string note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
        var groups = new List<Group3>
        {
            new("（三）不予公开",
            [
                new("withheld.1", "1.属于国家秘密", "三（三）1 属于国家秘密", []),
                new("withheld.2", "2.其他法律行政法规禁止公开", "三（三）2 其他法律行政法规禁止公开", ["2.其他法律法规禁止公开"]),
                new("withheld.3", "3.危及“三安全一稳定”", "三（三）3 危及“三安全一稳定”", ["3.危及\"三安全一稳定\"", "3.危及三安全一稳定"]),
                new("withheld.4", "4.保护第三方合法权益", "三（三）4 保护第三方合法权益", []),
                new("withheld.5", "5.属于三类内部事务信息", "三（三）5 属于三类内部事务信息", []),
                new("withheld.6", "6.属于四类过程性信息", "三（三）6 属于四类过程性信息", []),
                new("withheld.7", "7.属于行政执法案卷", "三（三）7 属于行政执法案卷", []),
                new("withheld.8", "8.属于行政查询事项", "三（三）8 属于行政查询事项", []),
            ]),
            new("（四）无法提供",
            [
                new("unable.1", "1.本机关不掌握相关政府信息", "三（四）1 本机关不掌握相关政府信息", []),
                new("unable.2", "2.没有现成信息需要另行制作", "三（四）2 没有现成信息需要另行制作", []),
                new("unable.3", "3.补正后申请内容仍不明确", "三（四）3 补正后申请内容仍不明确", []),
            ]),
            new("（五）不予处理",
            [
                new("declined.1", "1.信访举报投诉类申请", "三（五）1 信访举报投诉类申请", []),
                new("declined.2", "2.重复申请", "三（五）2 重复申请", []),
                new("declined.3", "3.要求提供公开出版物", "三（五）3 要求提供公开出版物", []),
                new("declined.4", "4.无正当理由大量反复申请", "三（五）4 无正当理由大量反复申请", []),
                new("declined.5", "5.要求行政机关确认或重新出具已获取信息", "三（五）5 要求行政机关确认或重新出具已获取信息", ["5.要求行政机关确认或重新出具"]),
            ]),
        };
        if (version == TemplateVersion.T2021)
        {
            groups.Add(new("（六）其他处理",
            [
                new("other.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "三（六）1 申请人无正当理由逾期不补正",
                    ["1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"]),
                new("other.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "三（六）2 申请人逾期未按收费通知要求缴纳费用",
                    ["2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请"]),
                new("other.3", "3.其他", "三（六）3 其他", []),
            ]));
        }

        var columns = ApplicantColumns;
        var rowDefs = new List<RowDefinition>();
        var body = new List<GridRow>();

        RowDefinition MakeRow(string code, string label, string name, string? group, string[] aliases)
        {
            var cells = columns.Select(c => new CellDefinition($"s3.{code}.{c.Code}", CellKind.Count, code, c.Code, name, c.Label)).ToList();
            var row = new RowDefinition(code, label, group, aliases, cells);
            rowDefs.Add(row);
            return row;
        }

        IEnumerable<GridCell> DataCells(RowDefinition row) => row.Cells.Select(c => new GridCell(null, c.Code));

        // 一、二: label spans the three label columns.
        foreach (var (code, label, name) in new[]
        {
            ("received", "一、本年新收政府信息公开申请数量", "三 一、本年新收申请数量"),
            ("carried_in", "二、上年结转政府信息公开申请数量", "三 二、上年结转申请数量"),
        })
        {
            var row = MakeRow(code, label, name, null, []);
            body.Add(new GridRow([new GridCell(label, ColSpan: 3), .. DataCells(row)]));
        }

        // 三、本年度办理结果: a merged cell over every result row plus （七）总计.
        var resultRowCount = 2 + groups.Sum(g => g.Rows.Length) + (version == TemplateVersion.T2019 ? 1 : 0) + 1;
        var blockLabel = new GridCell("三、本年度办理结果", RowSpan: resultRowCount);
        var first = true;

        void AddSingle(string code, string label, string name, string[] aliases)
        {
            var row = MakeRow(code, label, name, null, aliases);
            List<GridCell> grid = first ? [blockLabel] : [];
            first = false;
            body.Add(new GridRow([.. grid, new GridCell(label, ColSpan: 2), .. DataCells(row)]));
        }

        AddSingle("granted", "（一）予以公开", "三（一）予以公开", []);
        AddSingle("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三（二）部分公开", ["（二）部分公开"]);
        foreach (var group in groups.Take(3))
        {
            AddGroup(group);
        }

        if (version == TemplateVersion.T2019)
        {
            AddSingle("other", "（六）其他处理", "三（六）其他处理", []);
        }
        else
        {
            AddGroup(groups[3]);
        }

        AddSingle("processed", "（七）总计", "三（七）总计", []);

        var carriedOut = MakeRow("carried_out", "四、结转下年度继续办理", "三 四、结转下年度继续办理", null, []);
        body.Add(new GridRow([new GridCell("四、结转下年度继续办理", ColSpan: 3), .. DataCells(carriedOut)]));

        void AddGroup(Group3 group)
        {
            for (var i = 0; i < group.Rows.Length; i++)
            {
                var r = group.Rows[i];
                var row = MakeRow(r.Code, r.Label, r.Name, group.Label, r.Aliases);
                List<GridCell> lead = i == 0 ? [new GridCell(group.Label, RowSpan: group.Rows.Length)] : [];
                body.Add(new GridRow([.. lead, new GridCell(r.Label), .. DataCells(row)]));
            }
        }

        GridRow[] header =
        [
            new([new GridCell(note, ColSpan: 3, RowSpan: 3), new GridCell("申请人情况", ColSpan: 7)]),
            new([new GridCell("自然人", RowSpan: 2), new GridCell("法人或其他组织", ColSpan: 5), new GridCell("总计", RowSpan: 2)]),
            new([new GridCell("商业企业"), new GridCell("科研机构"), new GridCell("社会公益组织"), new GridCell("法律服务机构"), new GridCell("其他")]),
        ];

        var table = new TableDefinition("s3", null, 10, header, body, rowDefs);

        // R3-D: every row's 总计 is the sum of the six applicant columns.
        var sums = new List<SumRule>();
        foreach (var row in rowDefs)
        {
            sums.Add(new SumRule("R3-D", $"s3.{row.Code}.total", columns.Take(6).Select(c => $"s3.{row.Code}.{c.Code}").ToList()));
        }

        // R3-C: （七）总计 is the sum of every result row, per column.
        var resultRows = rowDefs.Where(r => r.Code is not ("received" or "carried_in" or "processed" or "carried_out")).Select(r => r.Code).ToList();
        foreach (var (col, _) in columns)
        {
            sums.Add(new SumRule("R3-C", $"s3.processed.{col}", resultRows.Select(r => $"s3.{r}.{col}").ToList()));
        }

        return (table, sums);
    }

    // ---- Section 四 -------------------------------------------------------------------------------

    private static (TableDefinition Table, IReadOnlyList<SumRule> Sums) Section4()
    {
        var cells = new List<CellDefinition>();
        foreach (var (group, groupLabel) in AppealGroups)
        {
            foreach (var (result, resultLabel) in AppealResults)
            {
                cells.Add(new CellDefinition($"s4.{group}.{result}", CellKind.Count, "data", $"{group}.{result}", $"四 {groupLabel}", resultLabel));
            }
        }

        string[] results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        GridRow[] header =
        [
            new([new GridCell("行政复议", ColSpan: 5), new GridCell("行政诉讼", ColSpan: 10)]),
            new([.. results.Select(r => new GridCell(r, RowSpan: 2)), new GridCell("未经复议直接起诉", ColSpan: 5), new GridCell("复议后起诉", ColSpan: 5)]),
            new([.. results.Select(r => new GridCell(r)), .. results.Select(r => new GridCell(r))]),
        ];
        var row = new RowDefinition("data", "", null, [], cells);
        var table = new TableDefinition("s4", null, 15, header, [new GridRow(cells.Select(c => new GridCell(null, c.Code)).ToList())], [row]);

        var sums = AppealGroups
            .Select(g => new SumRule("R4-A", $"s4.{g.Code}.total", AppealResults.Take(4).Select(r => $"s4.{g.Code}.{r.Code}").ToList()))
            .ToList();
        return (table, sums);
    }
}
