using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Tests.Shared;

/// <summary>
/// A complete, balanced report: every cell written (0 where nothing happened) and every section filled, so
/// that the only findings the real rules raise are the ones a test provokes on purpose. Requests are made by
/// natural persons and all granted, so R3-A, R3-C and R3-D hold for any received / carried numbers.
/// </summary>
public static class CompleteReport
{
    public static ReportDocument Balanced(int year, int received = 5, int carriedIn = 2, int carriedOut = 2, string? marker = null)
    {
        var doc = new ReportDocument(TemplateVersions.ForYear(year), year, string.Empty, string.Empty);
        foreach (var cell in doc.Definition.Cells)
        {
            doc.Cells[cell.Code] = 0m;
        }

        var processed = received + carriedIn - carriedOut;
        foreach (var column in new[] { "natural", "total" })
        {
            doc.Cells[$"s3.received.{column}"] = received;
            doc.Cells[$"s3.carried_in.{column}"] = carriedIn;
            doc.Cells[$"s3.granted.{column}"] = processed;
            doc.Cells[$"s3.processed.{column}"] = processed;
            doc.Cells[$"s3.carried_out.{column}"] = carriedOut;
        }

        foreach (var key in SectionKeys.All)
        {
            doc.Sections[key] = $"{year}年度本机关认真贯彻落实《条例》，本部分情况如实报告。本年度未收取信息处理费。{marker}";
        }

        return doc;
    }
}
