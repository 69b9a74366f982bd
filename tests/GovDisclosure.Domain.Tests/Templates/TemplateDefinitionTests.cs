using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Tests.Templates;

public sealed class TemplateDefinitionTests
{
    public static TheoryData<TemplateVersion, int, int, int> CellCounts => new()
    {
        // report-templates.md §5: section 二 22 → 10, section 三 23×7 → 25×7, section 四 15.
        { TemplateVersion.T2019, 22, 161, 15 },
        { TemplateVersion.T2021, 10, 175, 15 },
    };

    [Theory]
    [MemberData(nameof(CellCounts))]
    public void Each_section_has_the_number_of_cells_the_national_format_prescribes(TemplateVersion version, int section2, int section3, int section4)
    {
        var template = ReportTemplates.Get(version);

        Assert.Equal(section2, template.Cells.Count(c => c.Code.StartsWith("s2.", StringComparison.Ordinal)));
        Assert.Equal(section3, template.Cells.Count(c => c.Code.StartsWith("s3.", StringComparison.Ordinal)));
        Assert.Equal(section4, template.Cells.Count(c => c.Code.StartsWith("s4.", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(2019, "T2019")]
    [InlineData(2020, "T2019")]
    [InlineData(2021, "T2021")]
    [InlineData(2025, "T2021")]
    public void The_template_follows_the_report_year_not_the_publication_date(int year, string expected) =>
        Assert.Equal(expected, TemplateVersions.ForYear(year).Key);

    [Theory]
    [InlineData("T2019", "s2.procurement.amount", CellKind.Amount)]
    [InlineData("T2019", "s2.licensing.change", CellKind.SignedCount)]
    [InlineData("T2019", "s2.fees.change", CellKind.SignedCount)]
    [InlineData("T2019", "s3.other.natural", CellKind.Count)]
    [InlineData("T2021", "s2.fees.amount", CellKind.Amount)]
    [InlineData("T2021", "s2.rules.effective", CellKind.Count)]
    [InlineData("T2021", "s3.other.2.orgother", CellKind.Count)]
    [InlineData("T2021", "s3.withheld.3.total", CellKind.Count)]
    [InlineData("T2021", "s4.suit_after_review.pending", CellKind.Count)]
    public void Canonical_cell_codes_exist_with_their_kind(string version, string code, CellKind kind) =>
        Assert.Equal(kind, ReportTemplates.Get(new TemplateVersion(version)).Cell(code).Kind);

    [Theory]
    [InlineData("T2019", "s3.other.1.natural")]
    [InlineData("T2019", "s2.rules.issued")]
    [InlineData("T2021", "s3.other.natural")]
    [InlineData("T2021", "s2.procurement.amount")]
    [InlineData("T2021", "s2.services.prev")]
    public void A_code_of_the_other_template_is_not_part_of_this_one(string version, string code) =>
        Assert.False(ReportTemplates.Get(new TemplateVersion(version)).HasCell(code));

    [Theory]
    [InlineData("T2019")]
    [InlineData("T2021")]
    public void Every_table_grid_is_rectangular_once_spans_are_applied(string version)
    {
        foreach (var table in ReportTemplates.Get(new TemplateVersion(version)).Tables)
        {
            AssertRectangular(table.Id, table.ColumnCount, table.HeaderRows);
            AssertRectangular(table.Id, table.ColumnCount, table.BodyRows);
        }
    }

    [Theory]
    [InlineData("T2019")]
    [InlineData("T2021")]
    public void Every_cell_is_drawn_exactly_once_in_its_table_grid(string version)
    {
        foreach (var table in ReportTemplates.Get(new TemplateVersion(version)).Tables)
        {
            var drawn = table.BodyRows.SelectMany(r => r.Cells).Where(c => c.IsData).Select(c => c.CellCode!).ToList();
            var defined = table.Rows.SelectMany(r => r.Cells).Select(c => c.Code).ToList();
            Assert.Equal(defined, drawn);
        }
    }

    [Theory]
    [InlineData("T2019", 20)]
    [InlineData("T2021", 22)]
    public void The_results_label_spans_every_result_row_as_in_published_reports(string version, int span)
    {
        var label = ReportTemplates.Get(new TemplateVersion(version)).Table("s3").BodyRows.SelectMany(r => r.Cells).Single(c => c.Text == "三、本年度办理结果");
        Assert.Equal(span, label.RowSpan);
    }

    [Fact]
    public void A_cell_is_named_by_its_row_and_column_as_a_person_reads_it() =>
        Assert.Equal("三（三）3 危及“三安全一稳定” — 自然人", ReportTemplates.T2021.Cell("s3.withheld.3.natural").DisplayName);

    [Theory]
    [InlineData("T2019", 19)]
    [InlineData("T2021", 21)]
    public void The_grand_total_of_results_sums_every_result_row(string version, int resultRows)
    {
        var rule = ReportTemplates.Get(new TemplateVersion(version)).Sums.Single(s => s.Total == "s3.processed.natural");
        Assert.Equal("R3-C", rule.RuleId);
        Assert.Equal(resultRows, rule.Parts.Count);
    }

    [Fact]
    public void There_is_no_invented_subtotal_column_for_legal_persons() =>
        Assert.DoesNotContain(ReportTemplates.T2021.Cells, c => c.ColumnLabel == "法人或其他组织");

    private static void AssertRectangular(string tableId, int width, IReadOnlyList<GridRow> rows)
    {
        // Track how many more rows each column stays occupied by a row-spanning cell above.
        var occupiedFor = new int[width];
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (column < width && occupiedFor[column] > 0)
                {
                    column++;
                }

                Assert.True(column + cell.ColSpan <= width, $"{tableId} row {r}: cell '{cell.Text ?? cell.CellCode}' overflows the grid");
                for (var c = column; c < column + cell.ColSpan; c++)
                {
                    occupiedFor[c] = cell.RowSpan;
                }

                column += cell.ColSpan;
            }

            Assert.True(occupiedFor.All(o => o > 0), $"{tableId} row {r} leaves a hole in the grid");
            for (var c = 0; c < width; c++)
            {
                occupiedFor[c]--;
            }
        }

        Assert.True(occupiedFor.All(o => o <= 0), $"{tableId}: a row span runs past the last row");
    }
}
