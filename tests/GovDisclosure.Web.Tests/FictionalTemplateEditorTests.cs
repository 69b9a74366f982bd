using System.Net;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Tests.Shared;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovDisclosure.Web.Tests;

/// <summary>
/// The editor with a template that exists only in test code (<see cref="FictionalTemplate"/>): the portal is given
/// a catalogue that holds it, and the form, the parsing and the balance rules follow it with no production change.
/// </summary>
public sealed class FictionalTemplateEditorTests(FictionalTemplateEditorTests.Portal portal) : IClassFixture<FictionalTemplateEditorTests.Portal>
{
    private static string EditUrl(int id) => $"/Work/Reports/{id}/Edit";

    private static string Name(string code) => FictionalTemplate.Definition.Cell(code).DisplayName;

    [Fact]
    public async Task The_editor_draws_the_new_row_of_table_three_and_the_new_result_column_of_table_four()
    {
        var (id, filler) = await portal.StartReport();
        var client = await PageClient.SignedIn(portal, filler);

        var page = await client.Get(EditUrl(id));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(FictionalTemplate.Definition.Cells.Count, page.Document.QuerySelectorAll("input.cell-input").Length);

        var rowHeader = page.Document.QuerySelectorAll("table[data-table='s3'] tbody th[scope='row']")
            .SingleOrDefault(th => th.TextContent.Trim() == FictionalTemplate.RowLabel);
        Assert.NotNull(rowHeader);
        var natural = page.Cell(FictionalTemplate.NewRowCell("natural"));
        Assert.Equal($"{FictionalTemplate.RowName} — 自然人", natural.GetAttribute("aria-label"));
        Assert.Same(rowHeader!.ParentElement, natural.Closest("tr"));
        // The new row's total adds up its row, and （七）总计 now counts the new row too.
        Assert.Contains(FictionalTemplate.NewRowCell("natural"), page.Cell(FictionalTemplate.NewRowCell("total")).GetAttribute("data-sum"), StringComparison.Ordinal);
        Assert.Contains(FictionalTemplate.NewRowCell("natural"), page.Cell("s3.processed.natural").GetAttribute("data-sum"), StringComparison.Ordinal);

        Assert.Equal(3, page.Document.QuerySelectorAll("table[data-table='s4'] thead th")
            .Count(th => th.TextContent.Trim() == FictionalTemplate.ResultLabel));
        foreach (var group in new[] { "review", "suit_direct", "suit_after_review" })
        {
            var settled = page.Cell(FictionalTemplate.NewResultCell(group));
            Assert.Equal($"Input.Cells[s4.{group}.{FictionalTemplate.NewResultCode}]", settled.Name);
            Assert.EndsWith($" — {FictionalTemplate.ResultLabel}", settled.GetAttribute("aria-label"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Saving_a_balanced_new_row_stores_it_and_the_page_shows_it_back()
    {
        var (id, filler) = await portal.StartReport();
        var client = await PageClient.SignedIn(portal, filler);
        var page = await client.Get(EditUrl(id));

        var saved = await client.Submit(page, "#report-form", new()
        {
            ["Input.Cells[s3.received.natural]"] = "3",
            ["Input.Cells[s3.granted.natural]"] = "2",
            [$"Input.Cells[{FictionalTemplate.NewRowCell("natural")}]"] = "1",
            [$"Input.Cells[{FictionalTemplate.NewRowCell("total")}]"] = "1",
            [$"Input.Cells[{FictionalTemplate.NewResultCell("review")}]"] = "2",
        }, "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("已保存", saved.Text, StringComparison.Ordinal);
        Assert.Null(saved.Find("#error-summary"));
        Assert.Equal("1", saved.Cell(FictionalTemplate.NewRowCell("natural")).Value);
        Assert.Equal("2", saved.Cell(FictionalTemplate.NewResultCell("review")).Value);
        // The blank totals are computed over the new row and the new column.
        Assert.Equal("3", saved.Cell("s3.processed.natural").GetAttribute("placeholder"));
        Assert.Equal("2", saved.Cell("s4.review.total").GetAttribute("placeholder"));

        await using var db = portal.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(FictionalTemplate.Version, report.Template);
        Assert.Equal(1m, report.Cells[FictionalTemplate.NewRowCell("natural")]);
        Assert.Equal(1m, report.Cells[FictionalTemplate.NewRowCell("total")]);
        Assert.Equal(2m, report.Cells[FictionalTemplate.NewResultCell("review")]);

        // The editor's two previews draw the same definition: the public style and the draft PDF.
        var preview = await client.Get($"/Work/Reports/{id}/Preview");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains(FictionalTemplate.RowLabel, preview.Text, StringComparison.Ordinal);
        Assert.Contains(FictionalTemplate.ResultLabel, preview.Text, StringComparison.Ordinal);
        var pdf = await client.Http.GetAsync($"/Work/Reports/{id}/Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Saving_a_new_row_whose_total_disagrees_keeps_the_input_and_names_the_cell()
    {
        var (id, filler) = await portal.StartReport();
        var client = await PageClient.SignedIn(portal, filler);
        var page = await client.Get(EditUrl(id));

        var refused = await client.Submit(page, "#report-form", new()
        {
            ["Input.Cells[s3.received.natural]"] = "2",
            [$"Input.Cells[{FictionalTemplate.NewRowCell("natural")}]"] = "2",
            [$"Input.Cells[{FictionalTemplate.NewRowCell("total")}]"] = "5",
        }, "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("报告有1处不符合勾稽关系，未保存。", refused.Single("#error-summary").TextContent, StringComparison.Ordinal);
        var error = Assert.Single(refused.Document.QuerySelectorAll("li.finding--error"));
        Assert.Contains($"“{Name(FictionalTemplate.NewRowCell("total"))}”填报为5", error.TextContent, StringComparison.Ordinal);
        Assert.NotNull(error.QuerySelector($"a[href='#{ReportTableModel.CellId(FictionalTemplate.NewRowCell("total"))}']"));
        Assert.Equal("5", refused.Cell(FictionalTemplate.NewRowCell("total")).Value);
        Assert.Equal("2", refused.Cell(FictionalTemplate.NewRowCell("natural")).Value);
        Assert.Equal("2", refused.Cell("s3.received.natural").Value);

        await using var db = portal.Db();
        Assert.Empty((await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Cells);
    }

    [Fact]
    public async Task Saving_and_submitting_a_report_in_the_new_template_sends_it_to_review_with_the_new_row()
    {
        var (id, filler) = await portal.StartReport();
        var client = await PageClient.SignedIn(portal, filler);
        var page = await client.Get(EditUrl(id));
        var typed = new Dictionary<string, string>
        {
            ["Input.Cells[s3.received.natural]"] = "3",
            ["Input.Cells[s3.granted.natural]"] = "2",
            [$"Input.Cells[{FictionalTemplate.NewRowCell("natural")}]"] = "1",
        };

        // The first submission draws the warnings of the untouched tables; with each 说明 written the second one goes through.
        var refused = await client.Submit(page, "#report-form", typed, "button[formaction*='handler=Submit']");
        Assert.Contains("已保存，但未能提交", refused.Single("#error-summary").TextContent, StringComparison.Ordinal);
        var submitted = await client.Submit(refused, "#report-form", EditorPageTests.ExplainEveryWarning(refused), "button[formaction*='handler=Submit']");

        Assert.Contains("已保存并提交审核", submitted.Text, StringComparison.Ordinal);
        await using var db = portal.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal(1m, report.Cells[FictionalTemplate.NewRowCell("natural")]);
    }

    /// <summary>The real portal with <see cref="FictionalTemplate.Catalog"/> in place of the national catalogue, 2026 open.</summary>
    public sealed class Portal() : PortalFactory("gd_fictional")
    {
        private int cityId;
        private int counter;

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Singleton(FictionalTemplate.Catalog));

        protected override async Task SeedAsync()
        {
            await using var db = Db();
            var city = new Agency("虚构市人民政府", "fictional", AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity, null);
            db.Agencies.Add(city);
            db.ReportingYears.Add(new ReportingYear(FictionalTemplate.Definition.FirstYear));
            await db.SaveChangesAsync();
            cityId = city.Id;
        }

        /// <summary>
        /// A department of its own with its filler and a report in the fictional template's first year, started from the
        /// catalogue the portal was given.
        /// </summary>
        public async Task<(int Id, string Filler)> StartReport()
        {
            var n = Interlocked.Increment(ref counter);
            await using var db = Db();
            var city = await db.Agencies.SingleAsync(a => a.Id == cityId);
            var agency = new Agency($"虚构市第{n}局", $"fictional{n}", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();

            using (var scope = Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                await StaffPortalFactory.CreateUser(users, $"fictional-filler{n}", $"虚构填报{n}", agency.Id, Roles.Filler);
            }

            var catalog = Services.GetRequiredService<TemplateCatalog>();
            var report = AnnualReport.Start(agency, FictionalTemplate.Definition.FirstYear, new Actor("seed", "种子数据", agency.Id), DateTimeOffset.UtcNow, catalog: catalog);
            Assert.Equal(FictionalTemplate.Version, report.Template);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            return (report.Id, $"fictional-filler{n}");
        }
    }
}
