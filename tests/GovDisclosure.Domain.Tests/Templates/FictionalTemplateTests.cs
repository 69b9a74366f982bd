using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Domain.Tests.Templates;

/// <summary>A third template defined in test code only: the rules, the exports and the catalogue handle it with no production change.</summary>
public sealed class FictionalTemplateTests
{
    [Fact]
    public void A_catalogue_with_a_third_definition_picks_it_by_year_and_by_its_interchange_code()
    {
        var catalog = FictionalTemplate.Catalog;

        Assert.Equal(FictionalTemplate.Version, catalog.ForYear(2026).Version);
        Assert.Equal(FictionalTemplate.Version, catalog.ForYear(2030).Version);
        Assert.Equal(TemplateVersion.T2021, catalog.ForYear(2025).Version);
        Assert.Equal(TemplateVersion.T2019, catalog.ForYear(2020).Version);
        Assert.True(catalog.TryParse("2026X", out var parsed));
        Assert.Same(FictionalTemplate.Definition, parsed);
        Assert.False(TemplateCatalog.Default.TryParse("2026X", out _));
    }

    [Fact]
    public void A_balanced_report_in_the_fictional_template_has_no_findings()
    {
        var findings = ReportChecker.Check(FictionalTemplate.Balanced());

        Assert.Empty(findings);
    }

    [Fact]
    public void The_grand_total_of_results_fails_when_it_leaves_out_the_new_row()
    {
        var report = FictionalTemplate.Balanced();
        report.Cells[FictionalTemplate.NewRowCell("natural")] = 2;
        report.Cells[FictionalTemplate.NewRowCell("total")] = 2;

        var finding = Assert.Single(ReportChecker.Check(report), f => f.RuleId == RuleIds.ProcessedTotal && f.CellCodes[0].EndsWith(".natural", StringComparison.Ordinal));

        Assert.Contains(FictionalTemplate.NewRowCell("natural"), finding.CellCodes);
        Assert.Contains("申请人撤回申请", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_row_has_its_own_row_total_rule()
    {
        var report = FictionalTemplate.Balanced();
        report.Cells[FictionalTemplate.NewRowCell("total")] = 5;

        var findings = ReportChecker.Check(report);

        Assert.Contains(findings, f => f.RuleId == RuleIds.RowTotal && f.CellCodes[0] == FictionalTemplate.NewRowCell("total"));
    }

    [Fact]
    public void The_new_result_column_of_table_four_counts_in_its_group_total()
    {
        var report = FictionalTemplate.Balanced();
        report.Cells[FictionalTemplate.NewResultCell("review")] = 3;

        var finding = Assert.Single(ReportChecker.Check(report), f => f.RuleId == RuleIds.AppealTotal);

        Assert.Contains(FictionalTemplate.NewResultCell("review"), finding.CellCodes);
    }

    [Fact]
    public void The_interchange_json_round_trips_the_new_cells_through_the_catalogue_that_knows_the_template()
    {
        var report = FictionalTemplate.Balanced();

        var json = InterchangeJson.Write(report);
        var read = InterchangeJson.Read(json, FictionalTemplate.Catalog);

        Assert.Contains("\"template\": \"2026X\"", json.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Same(FictionalTemplate.Definition, read.Definition);
        Assert.Equal(report.Cells.OrderBy(c => c.Key, StringComparer.Ordinal), read.Cells.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(1m, read.Cells[FictionalTemplate.NewRowCell("natural")]);
        var refused = Assert.Throws<ReportFormatException>(() => InterchangeJson.Read(json));
        Assert.Contains("template", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_lists_the_new_row_and_column_and_reads_back_to_the_same_cells()
    {
        var report = FictionalTemplate.Balanced();

        var lines = ReportCsv.Write(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var back = lines.Select(l => l.Split(',')).ToDictionary(f => f[0], f => decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.Equal(FictionalTemplate.Definition.Cells.Count, lines.Count);
        Assert.Contains(lines, l => l.StartsWith(FictionalTemplate.NewRowCell("natural") + "," + FictionalTemplate.RowName + ",自然人,count,1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(FictionalTemplate.NewResultCell("review") + ",", StringComparison.Ordinal) && l.Contains(FictionalTemplate.ResultLabel, StringComparison.Ordinal));
        Assert.Equal(report.Cells.OrderBy(c => c.Key, StringComparer.Ordinal), back.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Starting_a_fictional_year_carries_last_years_backlog_from_the_2021_format()
    {
        var last = new ReportDocument(TemplateVersion.T2021, 2025, "虚构市人民政府办公室", "2025");
        last.Cells["s3.carried_out.natural"] = 4;
        last.Cells["s2.rules.effective"] = 7;

        var report = AnnualReport.Start(new Agency("虚构市人民政府办公室", "XG-BGS", AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity, null), 2026, new Actor("filler", "填报人甲", 0), DateTimeOffset.UnixEpoch, last, FictionalTemplate.Catalog);

        Assert.Equal(FictionalTemplate.Version, report.Template);
        Assert.Equal(4m, report.CarriedValues["s3.carried_in.natural"]);
        Assert.Equal(7m, report.CarriedValues["s2.rules.effective"]);
    }
}
