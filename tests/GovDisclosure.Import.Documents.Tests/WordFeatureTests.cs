using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>What Word files hold that LibreOffice's export does not: written here with the SDK, element by element.</summary>
public sealed class WordFeatureTests
{
    [Fact]
    public void A_number_split_over_runs_by_spell_checking_is_read_whole()
    {
        var html = Read(Cells(["规章", "1", "2"], runs: ["4", "8"]));

        Assert.Contains("<td>48</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bookmarks_and_a_literal_GoBack_artefact_never_reach_the_text()
    {
        var paragraph = new Paragraph(
            new BookmarkStart { Id = "0", Name = "_GoBack" },
            new Run(new Text("一、总体情况")),
            new BookmarkEnd { Id = "0" },
            new Run(new Text("[bookmark: _GoBack]")));

        var html = Read(new Body(paragraph));

        Assert.Contains("<p>一、总体情况</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bookmark", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Deleted_revisions_field_codes_and_hidden_text_are_left_out()
    {
        var paragraph = new Paragraph(
            new Run(new Text("收费")),
            new DeletedRun(new Run(new DeletedText("旧文字"))),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("金额")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new RunProperties(new Vanish()), new Text("隐藏")));

        var html = Read(new Body(paragraph));

        Assert.Contains("<p>收费金额</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_inside_a_cell_are_one_cell_and_a_heading_style_is_a_heading()
    {
        var cell = new TableCell(new Paragraph(new Run(new Text("本年收费金额"))), new Paragraph(new Run(new Text("（单位：万元）"))));
        var table = new Table(new TableGrid(new GridColumn(), new GridColumn()), new TableRow(new TableCell(new Paragraph(new Run(new Text("信息内容")))), cell));
        var heading = new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 1 }), new Run(new Text("二、主动公开政府信息情况")));

        var html = Read(new Body(heading, table));

        Assert.Contains("<h2>二、主动公开政府信息情况</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>本年收费金额<br/>（单位：万元）</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_headers_become_colspan_and_rowspan_and_a_continued_merge_writes_no_cell()
    {
        var top = new TableRow(
            Cell("信息内容", merge: MergedCellValues.Restart),
            Cell("申请人情况", span: 2));
        var bottom = new TableRow(
            Cell(string.Empty, merge: MergedCellValues.Continue),
            Cell("自然人"),
            Cell("总计"));

        var html = Read(new Body(new Table(new TableGrid(new GridColumn(), new GridColumn(), new GridColumn()), top, bottom)));

        Assert.Contains("<tr><td rowspan=\"2\">信息内容</td><td colspan=\"2\">申请人情况</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>自然人</td><td>总计</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_in_a_frame_is_read_as_a_table_and_a_table_nested_in_a_grid_cell_as_that_cells_text()
    {
        var inner = new Table(new TableGrid(new GridColumn(), new GridColumn()), new TableRow(Cell("行政许可"), Cell("0")));
        var frame = new Table(new TableGrid(new GridColumn()), new TableRow(new TableCell(new Paragraph(new Run(new Text("第二十条第（五）项"))), inner, new Paragraph())));
        var nested = new Table(new TableGrid(new GridColumn(), new GridColumn()), new TableRow(Cell("说明"), new TableCell(new Table(new TableRow(Cell("甲"), Cell("乙"))), new Paragraph())));

        var html = Read(new Body(frame, nested));

        Assert.Contains("<p>第二十条第（五）项</p>\n<table border=\"1\">\n<tr><td>行政许可</td><td>0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>说明</td><td>甲<br/>乙</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_span_that_is_not_a_number_is_read_as_one_column_instead_of_failing_the_file()
    {
        var span = new GridSpan();
        span.SetAttribute(new OpenXmlAttribute("w", "val", "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "两列"));
        var odd = new TableCell(new TableCellProperties(span), new Paragraph(new Run(new Text("信息内容"))));
        var table = new Table(new TableGrid(new GridColumn(), new GridColumn()), new TableRow(odd, Cell("申请人情况")));

        var html = Read(new Body(table));

        Assert.Contains("<tr><td>信息内容</td><td>申请人情况</td></tr>", html, StringComparison.Ordinal);
    }

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        return new TableCell(properties, new Paragraph(new Run(new Text(text))));
    }

    private static Body Cells(string[] texts, string[] runs)
    {
        var row = new TableRow(texts.Select(t => Cell(t)));
        row.Append(new TableCell(new Paragraph(runs.Select(r => new Run(new Text(r))))));
        return new Body(new Table(new TableGrid(new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn()), row));
    }

    private static string Read(Body body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(body);
        }

        stream.Position = 0;
        return WordReader.ToHtml(stream);
    }
}
