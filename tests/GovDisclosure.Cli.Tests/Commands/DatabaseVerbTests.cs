using System.Globalization;
using GovDisclosure.Application.Common;
using GovDisclosure.Cli;
using GovDisclosure.Cli.Commands;
using System.Text.Json;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovDisclosure.Cli.Tests.Commands;

public sealed class DatabaseVerbTests
{
    [Fact]
    public async Task Db_migrate_builds_an_empty_database_and_a_second_run_has_nothing_to_do()
    {
        var cs = await TestDatabase.CreateEmptyAsync("gd_cli_migrate");
        try
        {
            var (code, output, _) = await Run(DbMigrateCommand.RunAsync, "--connection", cs);
            Assert.Equal(0, code);
            Assert.Contains("20261122000000_InitialCreate", output);

            Assert.Contains("已创建首个数据保护密钥", output);

            var again = await Run(DbMigrateCommand.RunAsync, "--connection", cs);
            Assert.Equal((0, true), (again.Code, again.Out.Contains("无需迁移")));
            Assert.DoesNotContain("数据保护密钥", again.Out);

            // The one key every instance started afterwards reads, instead of one each.
            await using var db = TestDatabase.Context(cs);
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task A_migration_that_fails_is_named_in_one_chinese_line_and_leaves_the_database_as_it_was()
    {
        var cs = await TestDatabase.CreateEmptyAsync("gd_cli_migrate_fail");
        try
        {
            // A table of the same name left behind by something else: the first migration cannot create its own.
            await using (var db = TestDatabase.Context(cs))
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TABLE agencies (stray integer)");
            }

            var (code, output, error) = await Run(DbMigrateCommand.RunAsync, "--connection", cs);

            Assert.Equal(1, code);
            Assert.Contains("迁移20261122000000_InitialCreate未能完成，数据库仍停在此前的结构", error);
            Assert.DoesNotContain("   at ", error);
            Assert.DoesNotContain("已执行", output);
            await using var check = TestDatabase.Context(cs);
            Assert.Empty(await check.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task Agency_import_places_children_after_parents_and_imports_nothing_when_a_row_is_wrong()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_agency");
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(good, """
                code,name,kind,level,parent_code
                XH-A,新华区甲局,政府部门,县级,XH
                XH,新华区人民政府,人民政府,县级,
                XH-JD,"新华区城关街道办事处",乡镇街道,乡级,XH
                """);
            await File.WriteAllTextAsync(bad, """
                code,name,kind,level,parent_code
                XH-B,新华区乙局,政府部门,县级,XH
                XH-C,新华区丙局,部门,县级,XH
                XH-D,新华区丁局,政府部门,县级,NOPE
                """);

            var imported = await Run(AgencyImportCommand.RunAsync, good, "--connection", cs);
            Assert.Equal(0, imported.Code);
            Assert.Contains("已导入3个机构", imported.Out);

            var refused = await Run(AgencyImportCommand.RunAsync, bad, "--connection", cs);
            Assert.Equal(1, refused.Code);
            Assert.Contains("第3行：机构类型“部门”无法识别", refused.Err);
            Assert.Contains("未导入任何机构", refused.Err);

            await using var db = TestDatabase.Context(cs);
            var paths = await db.Agencies.OrderBy(a => a.Path).Select(a => a.Path).ToListAsync();
            Assert.Equal(["/XH/", "/XH/XH-A/", "/XH/XH-JD/"], paths);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task Agency_import_reads_the_optional_reporting_dates_and_refuses_an_end_before_the_start()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_agency_dates");
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(good, """
                code,name,kind,level,parent_code,reports_from,reports_until
                XQ,新区人民政府,人民政府,县级,,,
                XQ-A,新区数据局,政府部门,县级,XQ,2025-02-10,
                XQ-B,新区旧局,政府部门,县级,XQ,,2023-06-30
                """);
            await File.WriteAllTextAsync(bad, """
                code,name,kind,level,parent_code,reports_from,reports_until
                XQ-C,新区丙局,政府部门,县级,XQ,2025-02-10,2024-01-01
                XQ-D,新区丁局,政府部门,县级,XQ,2025年2月,
                """);

            var imported = await Run(AgencyImportCommand.RunAsync, good, "--connection", cs);
            var refused = await Run(AgencyImportCommand.RunAsync, bad, "--connection", cs);

            Assert.Equal(0, imported.Code);
            Assert.Equal(1, refused.Code);
            Assert.Contains("第2行：reports_until（停止报告日期）不能早于 reports_from（开始报告日期）", refused.Err);
            Assert.Contains("第3行：reports_from（开始报告日期）和 reports_until（停止报告日期）应写作 2024-03-01", refused.Err);
            await using var db = TestDatabase.Context(cs);
            var founded = await db.Agencies.SingleAsync(a => a.Code == "XQ-A");
            var closed = await db.Agencies.SingleAsync(a => a.Code == "XQ-B");
            Assert.Equal((new DateOnly(2025, 2, 10), (DateOnly?)null), (founded.ReportsFrom!.Value, founded.ReportsUntil));
            Assert.Equal(new DateOnly(2023, 6, 30), closed.ReportsUntil);
            Assert.False(founded.ReportsFor(2024));
            Assert.True(founded.ReportsFor(2025));
            Assert.False(closed.ReportsFor(2024));
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task User_add_applies_the_portal_password_policy_and_assigns_chinese_named_roles()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_user");
        try
        {
            await using (var db = TestDatabase.Context(cs))
            {
                db.Agencies.Add(new Domain.Agencies.Agency("新华区人民政府", "XH", Domain.Agencies.AgencyKind.PeopleGovernment, Domain.Agencies.AdministrativeLevel.County, null));
                await db.SaveChangesAsync();
            }

            var weak = await Run(UserAddCommand.RunAsync, "--username", "li", "--password", "short", "--name", "李四", "--agency", "XH", "--role", "审核人", "--connection", cs);
            Assert.Equal(1, weak.Code);
            Assert.Contains("密码至少12位", weak.Err);

            var ok = await Run(UserAddCommand.RunAsync, "--username", "li", "--password", "Lisi-2025-review", "--name", "李四", "--agency", "XH", "--role", "审核人", "--role", "管理员", "--connection", cs);
            Assert.Equal(0, ok.Code);

            await using var services = CliServices.Build(cs);
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByNameAsync("li");
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, "Lisi-2025-review"));
            Assert.Equal([Roles.Admin, Roles.Reviewer], (await users.GetRolesAsync(user)).Order());
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task The_demo_loads_a_region_accounts_and_reports_once_and_then_only_prints_the_accounts()
    {
        // Hand-built stand-ins for the imported samples: the importer is tested on the real files in its own tests.
        var cs = await TestDatabase.CreateAsync("gd_cli_demo");
        try
        {
            await using var services = CliServices.Build(cs, s => s.AddSingleton<IReportPdfRenderer>(new StandInPdfRenderer()));
            var samples = new DemoSamples(Sample(2020, carriedOut: 3), Sample(2020, carriedOut: 0), Sample(2021, carriedOut: 1, carriedIn: 2));
            var output = new StringWriter();

            Assert.Equal(0, await DemoData.LoadAsync(services, samples, output, new StringWriter()));
            Assert.Contains("tianbao / Qiuyue-Lantern-83 / 填报人", output.ToString());

            await using (var db = TestDatabase.Context(cs))
            {
                Assert.Equal(5, await db.Agencies.CountAsync());
                Assert.Equal(3, await db.Users.CountAsync());
                var states = await db.Reports.OrderBy(r => r.AgencyId).ThenBy(r => r.Year).Select(r => new { r.Year, r.State }).ToListAsync();
                Assert.Equal(2, states.Count(s => s.State == ReportState.Published));
                Assert.Single(states, s => s.State == ReportState.Submitted);
                Assert.Single(states, s => s.State == ReportState.Draft && s.Year == 2025);
                Assert.Equal(2, await db.Publications.CountAsync());
                Assert.True((await db.ReportingYears.SingleAsync(y => y.Year == 2025)).IsOpen);
                Assert.False((await db.ReportingYears.SingleAsync(y => y.Year == 2024)).IsOpen);

                // The 2021 report carried 2020's 结转 over and records why the sample's own figure differs.
                var r2021 = await db.Reports.SingleAsync(r => r.Year == 2021);
                Assert.Equal(3m, r2021.CarriedValues["s3.carried_in.natural"]);
                Assert.Equal(2m, r2021.Cells["s3.carried_in.natural"]);
                Assert.Contains(await db.AuditEntries.Where(a => a.ReportId == r2021.Id).ToListAsync(), a => a.Action == AuditActions.CarryOverChanged);
            }

            var again = new StringWriter();
            Assert.Equal(0, await DemoData.LoadAsync(services, samples, again, new StringWriter()));
            Assert.Contains("示范数据已存在", again.ToString());
            Assert.Contains("shenhe / Songshan-River-27 / 审核人", again.ToString());
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task Backfill_findings_fills_only_publications_without_them_as_they_were_published_and_a_second_run_does_nothing()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_backfill");
        try
        {
            // The demo publishes 2020 and 2021; 2021's 上年结转 differs from 2020's 结转下年度, a cross-year warning with its 说明.
            await using (var services = CliServices.Build(cs, s => s.AddSingleton<IReportPdfRenderer>(new StandInPdfRenderer())))
            {
                var samples = new DemoSamples(Sample(2020, carriedOut: 3), Sample(2020, carriedOut: 0), Sample(2021, carriedOut: 1, carriedIn: 2));
                Assert.Equal(0, await DemoData.LoadAsync(services, samples, new StringWriter(), new StringWriter()));
            }

            string published;
            await using (var db = TestDatabase.Context(cs))
            {
                var p2021 = await db.Publications.AsNoTracking().SingleAsync(p => p.Year == 2021);
                Assert.Contains(p2021.Findings!, f => f.RuleId == RuleIds.CarriedOverAcrossYears && f.Explanation != null);
                published = JsonSerializer.Serialize(p2021.Findings);

                // As a database from before findings were stored would have it: 2021 without, 2020 with findings of its own.
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE publications DISABLE TRIGGER publications_immutable");
                await db.Database.ExecuteSqlRawAsync("""UPDATE publications SET "Findings" = NULL WHERE "Year" = 2021""");
                const string Marker = """[{"ruleId":"W_PERIOD","severity":"Warning","key":"W_PERIOD","anchor":null,"cellCodes":[],"numbers":{},"terms":{},"explanation":"发布时的说明"}]""";
                await db.Database.ExecuteSqlAsync($"""UPDATE publications SET "Findings" = {Marker}::jsonb WHERE "Year" = 2020""");
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE publications ENABLE TRIGGER publications_immutable");
                await transaction.CommitAsync();
            }

            var first = await Run(DbBackfillFindingsCommand.RunAsync, "--connection", cs);
            Assert.Equal((0, "已为1个已发布版本补录发布时的校验结果。"), (first.Code, first.Out.Trim()));

            await using (var db = TestDatabase.Context(cs))
            {
                var p2021 = await db.Publications.AsNoTracking().SingleAsync(p => p.Year == 2021);
                Assert.Equal(published, JsonSerializer.Serialize(p2021.Findings));
                var p2020 = await db.Publications.AsNoTracking().SingleAsync(p => p.Year == 2020);
                Assert.Equal("发布时的说明", Assert.Single(p2020.Findings!).Explanation);
            }

            var second = await Run(DbBackfillFindingsCommand.RunAsync, "--connection", cs);
            Assert.Equal((0, "所有已发布版本均已有校验结果，无需补录。"), (second.Code, second.Out.Trim()));
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task Backfill_public_record_rebuilds_exactly_what_publishing_wrote_and_a_second_run_does_nothing()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_backfill_public");
        try
        {
            await using (var services = CliServices.Build(cs, s => s.AddSingleton<IReportPdfRenderer>(new StandInPdfRenderer())))
            {
                var samples = new DemoSamples(Sample(2020, carriedOut: 3), Sample(2020, carriedOut: 0), Sample(2021, carriedOut: 1, carriedIn: 2));
                Assert.Equal(0, await DemoData.LoadAsync(services, samples, new StringWriter(), new StringWriter()));
            }

            var published = await PublicRecordAsync(cs);
            Assert.Equal(2, published.Pages.Count);
            Assert.NotEmpty(published.Totals);

            // As a database from before the public record existed would have it.
            await using (var db = TestDatabase.Context(cs))
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM public_report_pages; DELETE FROM region_cell_totals; DELETE FROM region_report_counts;");
            }

            var first = await Run(DbBackfillPublicRecordCommand.RunAsync, "--connection", cs);
            Assert.Equal((0, "已为2份已发布报告补建公开页面数据和地区汇总。"), (first.Code, first.Out.Trim()));
            var backfilled = await PublicRecordAsync(cs);
            Assert.Equal(published.Pages, backfilled.Pages);
            Assert.Equal(published.Totals, backfilled.Totals);
            Assert.Equal(published.Counts, backfilled.Counts);

            var second = await Run(DbBackfillPublicRecordCommand.RunAsync, "--connection", cs);
            Assert.Equal((0, "所有已发布报告均已有公开页面数据和地区汇总，无需补建。"), (second.Code, second.Out.Trim()));
            Assert.Equal(published.Totals, (await PublicRecordAsync(cs)).Totals);
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    /// <summary>What a reader of the page sees, as one comparable line (instants compared as instants, numbers as numbers).</summary>
    private static string Describe(int publicationId, PublicPage page) => string.Join(" | ",
        publicationId, page.ReportId, page.Revision, page.Title, page.AgencyName, page.PublishedAt.UtcTicks, page.PdfSha256,
        string.Join(",", page.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value)),
        string.Join(",", page.Derived),
        string.Join(",", page.Sections.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value)),
        string.Join(",", page.Revisions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Revision}@{r.PublishedAt.UtcTicks}:{r.CorrectionReason}:{r.PdfSha256}"))),
        string.Join(",", (page.Findings ?? []).Select(f => $"{f.RuleId}:{f.Key}:{string.Join('+', f.CellCodes)}:{f.Explanation}")));

    private static async Task<(List<string> Pages, List<string> Totals, List<string> Counts)> PublicRecordAsync(string cs)
    {
        await using var db = TestDatabase.Context(cs);
        var pages = (await db.PublicReportPages.AsNoTracking().OrderBy(p => p.ReportId).Select(p => new { p.PublicationId, p.Content }).ToListAsync())
            .Select(p => Describe(p.PublicationId, PublicPage.FromJson(p.Content))).ToList();
        var totals = (await db.RegionCellTotals.AsNoTracking().ToListAsync())
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.RegionId} {t.Year} {t.Template} {t.Code} {t.Total} {t.Blanks}")).Order(StringComparer.Ordinal).ToList();
        var counts = (await db.RegionReportCounts.AsNoTracking().ToListAsync())
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.RegionId} {t.Year} {t.Template} {t.Reports}")).Order(StringComparer.Ordinal).ToList();
        return (pages, totals, counts);
    }

    [Fact]
    public async Task Backfill_findings_without_a_database_says_how_to_name_one()
    {
        var previous = Environment.GetEnvironmentVariable("GD_CONNECTION");
        Environment.SetEnvironmentVariable("GD_CONNECTION", null);
        try
        {
            var result = await Run(DbBackfillFindingsCommand.RunAsync);
            Assert.Equal(2, result.Code);
            Assert.Contains("未指定数据库", result.Err);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GD_CONNECTION", previous);
        }
    }

    [Fact]
    public async Task The_demo_without_a_pdf_renderer_says_so_and_writes_nothing()
    {
        var cs = await TestDatabase.CreateAsync("gd_cli_demo_nopdf");
        try
        {
            // gd registers the real renderer; a deployment that lost it (e.g. a trimmed build) must still fail cleanly.
            await using var services = CliServices.Build(cs, s => s.RemoveAll<IReportPdfRenderer>());
            var errors = new StringWriter();

            var code = await DemoData.LoadAsync(services, new DemoSamples(Sample(2020), Sample(2020), Sample(2021)), new StringWriter(), errors);

            Assert.Equal(1, code);
            Assert.Contains("未注册PDF渲染器", errors.ToString());
            await using var db = TestDatabase.Context(cs);
            Assert.Equal(0, await db.Agencies.CountAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    private static ReportDocument Sample(int year, int carriedIn = 0, int carriedOut = 0)
    {
        var doc = CompleteReport.Balanced(year, received: 10, carriedIn, carriedOut);
        (doc.Agency, doc.Title) = ("样本机关", "样本机关年度报告");
        return doc;
    }

    private static async Task<(int Code, string Out, string Err)> Run(Func<string[], TextWriter, TextWriter, Task<int>> verb, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await verb(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
