using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Tests.Shared;

/// <summary>
/// The one builder of balanced reports for every test project. <see cref="Balanced(int,int,int,int,string?)"/>
/// writes every cell (0 where nothing happened) and every section, so that the only findings the real rules
/// raise are the ones a test provokes on purpose. Requests are made by natural persons and all granted, so R3-A,
/// R3-C and R3-D hold for any received / carried numbers. <see cref="Sparse"/> writes only the cells a test names
/// and balances them, as a half-filled real report would be.
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

    /// <summary>
    /// The given cells on the report's own template, plus 予以公开 for every applicant column where requests came
    /// in and no result was given, so that the request balance (本年新收＋上年结转＝办理结果＋结转) holds. Every other
    /// cell stays blank: the rules then warn as they would for a real half-filled report.
    /// </summary>
    public static ReportDocument Sparse(AnnualReport report, params (string Code, decimal Value)[] cells)
    {
        var document = new ReportDocument(report.Template, report.Year, report.Agency?.Name ?? "示范市", report.Title);
        foreach (var (code, value) in cells)
        {
            document.Cells[code] = value;
        }

        foreach (var column in ReportTemplates.ApplicantColumns.Where(c => c.Code != "total"))
        {
            var inflow = ReportTotals.Effective(document, $"s3.received.{column.Code}") + ReportTotals.Effective(document, $"s3.carried_in.{column.Code}")
                - ReportTotals.Effective(document, $"s3.carried_out.{column.Code}");
            if (inflow > 0 && document.Cells.IsBlank($"s3.granted.{column.Code}") && document.Cells.IsBlank($"s3.processed.{column.Code}"))
            {
                document.Cells[$"s3.granted.{column.Code}"] = inflow;
            }
        }

        return document;
    }
}
