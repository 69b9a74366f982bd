using System.Text.RegularExpressions;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

/// <summary>The PDF draws a template defined only in test code, row and column included.</summary>
public sealed class FictionalTemplatePdfTests
{
    [Fact]
    public void The_pdf_of_a_fictional_template_report_draws_the_new_row_with_its_values_and_the_new_result_column()
    {
        var report = FictionalTemplate.Balanced();
        report.Cells[FictionalTemplate.NewRowCell("natural")] = 7;
        report.Cells[FictionalTemplate.NewRowCell("total")] = 7;

        var text = PdfTestSupport.PdfToText(PdfTestSupport.Renderer.Render(report));
        var compact = Regex.Replace(text, @"\s+", string.Empty);

        Assert.Contains("申请人撤回申请", compact, StringComparison.Ordinal);
        Assert.Matches(@"申请人撤回申请\s*7(\s+0){5}\s+7", Regex.Replace(text, @"(?<=\p{IsCJKUnifiedIdeographs})\s+(?=\p{IsCJKUnifiedIdeographs})", string.Empty));
        Assert.Contains(FictionalTemplate.ResultLabel, compact, StringComparison.Ordinal);
    }
}
