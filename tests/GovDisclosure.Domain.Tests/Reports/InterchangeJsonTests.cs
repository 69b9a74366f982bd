using System.Text.Json;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Tests.Reports;

public sealed class InterchangeJsonTests
{
    private static ReportDocument Sample()
    {
        var report = new ReportDocument(TemplateVersion.T2019, 2020, "鄞州区人民政府办公室", "鄞州区人民政府办公室2020年政府信息公开工作年度报告");
        report.Sections["overview"] = "2020年，鄞州区政府办公室政务公开工作……";
        report.Cells["s2.procurement.count"] = 1;
        report.Cells["s2.procurement.amount"] = 3.27m;
        report.Cells["s3.received.natural"] = 47;
        report.Cells["s3.received.commercial"] = 1;
        return report;
    }

    [Fact]
    public void Counts_are_integers_and_amounts_are_four_place_strings_in_wan_yuan()
    {
        using var json = JsonDocument.Parse(InterchangeJson.Write(Sample()));
        var cells = json.RootElement.GetProperty("cells");

        Assert.Equal(JsonValueKind.Number, cells.GetProperty("s3.received.natural").ValueKind);
        Assert.Equal(47, cells.GetProperty("s3.received.natural").GetInt32());
        Assert.Equal("3.2700", cells.GetProperty("s2.procurement.amount").GetString());
        Assert.Equal("2019", json.RootElement.GetProperty("template").GetString());
    }

    [Fact]
    public void A_blank_cell_is_absent_and_a_computed_total_is_kept_apart_under_derived()
    {
        using var json = JsonDocument.Parse(InterchangeJson.Write(Sample()));

        Assert.False(json.RootElement.GetProperty("cells").TryGetProperty("s3.received.research", out _));
        Assert.False(json.RootElement.GetProperty("cells").TryGetProperty("s3.received.total", out _));
        Assert.Equal(48, json.RootElement.GetProperty("derived").GetProperty("s3.received.total").GetInt32());
    }

    [Fact]
    public void Reading_what_was_written_gives_back_the_same_report()
    {
        var original = Sample();
        var copy = InterchangeJson.Read(InterchangeJson.Write(original));

        Assert.Equal(original.Template, copy.Template);
        Assert.Equal(original.Agency, copy.Agency);
        Assert.Equal(original.Sections["overview"], copy.Sections["overview"]);
        Assert.Equal(original.Cells.OrderBy(c => c.Key), copy.Cells.OrderBy(c => c.Key));
        Assert.Equal(InterchangeJson.Write(original), InterchangeJson.Write(copy));
    }

    [Fact]
    public void A_cell_code_from_another_template_is_refused_by_name()
    {
        var json = """{"template":"2021","year":2021,"agency":"甲","title":"t","cells":{"s2.procurement.amount":"1.0000"}}""";

        var error = Assert.Throws<ReportFormatException>(() => InterchangeJson.Read(json));
        Assert.Contains("s2.procurement.amount", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"year":2021}""")]
    [InlineData("""{"template":"2021","year":"二〇二一"}""")]
    [InlineData("""{"template":"2021","year":2021,"cells":{"s3.received.natural":"四十七"}}""")]
    public void A_document_that_is_not_a_report_is_refused_with_a_reason(string json) =>
        Assert.False(string.IsNullOrWhiteSpace(Assert.Throws<ReportFormatException>(() => InterchangeJson.Read(json)).Message));
}
