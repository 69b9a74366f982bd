using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovDisclosure.BrowserTests;

/// <summary>
/// Pasting into the editor grid (wwwroot/js/paste-grid.js): a block from Excel/WPS or a Word/web table fills from the
/// cell pasted into, a block with row labels goes to the rows it names, a bad value gets its message at the cell, and
/// Ctrl+Z puts back what the paste changed. The paste event carries a real DataTransfer, as the browser's own does.
/// </summary>
public sealed class PasteGridTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static int counter;

    [Fact]
    public async Task A_tab_separated_block_fills_rightwards_and_downwards_from_the_cell_pasted_into()
    {
        var page = await OpenEditorAsync();

        await PasteAsync(page, "s3.received.natural", "3\t1\t０\r\n2\t0\t1\r\n");

        await Expect(Cell(page, "s3.received.natural")).ToHaveValueAsync("3");
        await Expect(Cell(page, "s3.received.commercial")).ToHaveValueAsync("1");
        await Expect(Cell(page, "s3.received.research")).ToHaveValueAsync("０");
        await Expect(Cell(page, "s3.carried_in.natural")).ToHaveValueAsync("2");
        await Expect(Cell(page, "s3.carried_in.research")).ToHaveValueAsync("1");
        await Expect(Cell(page, "s3.received.nonprofit")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#paste-status")).ToContainTextAsync("已粘贴6个单元格");
        await Expect(page.Locator(".cell-error--client")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_word_table_with_row_labels_goes_to_the_rows_it_names_not_to_the_rows_under_the_cursor()
    {
        var page = await OpenEditorAsync();
        const string html = """
            <meta charset="utf-8"><table border="1">
            <tr><td rowspan="2"><p>（三）不予公开</p></td><td><p>1．属于国家秘密</p></td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
            <tr><td><p>4.保护第三方</p><p>合法权益</p></td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
            <tr><td colspan="2">（一）予以公开</td><td>7</td><td>1</td><td></td><td></td><td></td><td></td><td>8</td></tr>
            </table>
            """;

        await PasteAsync(page, "s3.received.natural", "（三）不予公开\t1．属于国家秘密\t1\n…", html);

        await Expect(Cell(page, "s3.withheld.1.natural")).ToHaveValueAsync("1");
        await Expect(Cell(page, "s3.withheld.1.total")).ToHaveValueAsync("1");
        await Expect(Cell(page, "s3.withheld.4.natural")).ToHaveValueAsync("2");
        await Expect(Cell(page, "s3.granted.natural")).ToHaveValueAsync("7");
        await Expect(Cell(page, "s3.granted.commercial")).ToHaveValueAsync("1");
        await Expect(Cell(page, "s3.granted.total")).ToHaveValueAsync("8");
        await Expect(Cell(page, "s3.received.natural")).ToHaveValueAsync(string.Empty);
        await Expect(Cell(page, "s3.withheld.2.natural")).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task A_value_that_is_no_number_shows_the_cell_message_and_ctrl_z_restores_every_cell_the_paste_changed()
    {
        var page = await OpenEditorAsync();
        await Cell(page, "s3.received.natural").FillAsync("9");

        await PasteAsync(page, "s3.received.natural", "5\tabc\n1.5\t2");

        var commercial = Cell(page, "s3.received.commercial");
        await Expect(commercial).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#paste-error-s3\\.received\\.commercial")).ToContainTextAsync("应填写数字，“abc”无法识别");
        await Expect(page.Locator("#paste-error-s3\\.carried_in\\.natural")).ToContainTextAsync("应为整数");
        await Expect(page.Locator("#paste-status")).ToContainTextAsync("其中2个无法识别");

        await Cell(page, "s3.received.natural").PressAsync("Control+z");

        await Expect(Cell(page, "s3.received.natural")).ToHaveValueAsync("9");
        await Expect(commercial).ToHaveValueAsync(string.Empty);
        await Expect(Cell(page, "s3.carried_in.natural")).ToHaveValueAsync(string.Empty);
        await Expect(Cell(page, "s3.carried_in.commercial")).ToHaveValueAsync(string.Empty);
        await Expect(commercial).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".cell-error--client")).ToHaveCountAsync(0);
        await Expect(page.Locator("#paste-status")).ToContainTextAsync("已撤销粘贴，恢复了4个单元格");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static ILocator Cell(IPage page, string code) => page.Locator($"#cell-{code.Replace(".", "\\.", StringComparison.Ordinal)}");

    /// <summary>Focuses the cell and fires the paste a browser fires, with the clipboard's text (and HTML) in its DataTransfer.</summary>
    private static async Task PasteAsync(IPage page, string code, string text, string? html = null)
    {
        await Cell(page, code).FocusAsync();
        await page.EvaluateAsync("""
            ([id, text, html]) => {
                const data = new DataTransfer();
                data.setData('text/plain', text);
                if (html) { data.setData('text/html', html); }
                document.getElementById(id).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, new object?[] { $"cell-{code}", text, html });
    }

    /// <summary>A department with a filler and a new 2024 report (the 2021 format), open in the editor.</summary>
    private async Task<IPage> OpenEditorAsync()
    {
        var n = Interlocked.Increment(ref counter);
        int reportId;
        await using (var db = portal.Db())
        {
            if (!await db.ReportingYears.AnyAsync(y => y.Year == 2024))
            {
                db.ReportingYears.Add(new ReportingYear(2024));
            }

            var agency = new Agency($"粘贴测试{n}局", $"paste{n}", AgencyKind.Department, AdministrativeLevel.County, null);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            var report = AnnualReport.Start(agency, 2024, new Actor("seed", "种子数据", agency.Id), DateTimeOffset.UtcNow);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            reportId = report.Id;

            await using var scope = portal.Services.CreateAsyncScope();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Filler))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Filler));
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = $"paster{n}", DisplayName = "粘贴填报", AgencyId = agency.Id };
            Assert.True((await users.CreateAsync(user, PortalSeeding.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Filler);
        }

        var page = await portal.SignInAsync($"paster{n}");
        await page.GotoAsync($"/Work/Reports/{reportId}/Edit");
        return page;
    }
}
