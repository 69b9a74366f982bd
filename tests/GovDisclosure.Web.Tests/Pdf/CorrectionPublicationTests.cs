using GovDisclosure.Tests.Shared;
using System.Text;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Tests.Public;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Pdf;

/// <summary>
/// Publishing a correction hands the renderer its 更正说明: the revision, the day, the reason, every cell changed
/// against the revision it replaces and the sections whose text changed. (The stand-in renderer writes these facts
/// out; Infrastructure.Tests/Pdf prove PDFsharp prints them.)
/// </summary>
public sealed class CorrectionPublicationTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    [Fact]
    public async Task A_published_correction_gets_its_reason_and_every_changed_cell_old_to_new_and_the_first_revision_gets_none()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        await factory.PublishCorrection(filler, id, "自然人申请数量统计有误", CompleteReport.Balanced(2023, received: 9, marker: "（已核实）"));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var first = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/Reports/{id}/revisions/1/pdf"));
        var second = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/Reports/{id}/revisions/2/pdf"));

        Assert.DoesNotContain("更正说明", first);
        Assert.Contains("更正说明 第2版", second);
        Assert.Contains("更正原因：自然人申请数量统计有误", second);
        var template = TemplateCatalog.Default.Get(TemplateVersions.ForYear(2023));
        var changed = new[] { "s3.received.natural", "s3.received.total", "s3.granted.natural", "s3.granted.total", "s3.processed.natural", "s3.processed.total" };
        foreach (var code in changed)
        {
            Assert.Contains($"{template.Cell(code).DisplayName}：5 → 9\n", second);
        }

        Assert.Equal(changed.Length, second.Split('\n').Count(l => l.Contains(" → ", StringComparison.Ordinal)));
        Assert.Contains($"文字：{string.Join("；", template.Sections.Select(s => s.Heading))}", second);
    }
}
