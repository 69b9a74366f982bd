using GovDisclosure.Application.Common;
using GovDisclosure.Cli.Commands;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Public;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli;

/// <summary>The imported sample documents, by the part each plays in the demo.</summary>
internal sealed record DemoSamples(ReportDocument Office2020, ReportDocument Bureau2020, ReportDocument Office2021);

/// <summary>
/// Writes the demo region through the domain (not the use cases: the past years it fills are closed to
/// filing, and the dates are set to plausible ones). Everything is one transaction.
/// </summary>
internal static class DemoData
{
    public const string RegionCode = "DEMO";
    private const string Explanation = "示范数据：本报告取自公开发布的真实年度报告，数据按原文照录。";

    public static readonly (string UserName, string Password, string Name, string AgencyCode, string Role)[] Accounts =
    [
        ("tianbao", "Qiuyue-Lantern-83", "示范填报人", "DEMO-BGS", Roles.Filler),
        ("shenhe", "Songshan-River-27", "示范审核人", RegionCode, Roles.Reviewer),
        ("guanli", "Meihua-Bridge-64", "示范管理员", RegionCode, Roles.Admin),
    ];

    public static async Task<int> LoadAsync(IServiceProvider services, DemoSamples samples, TextWriter stdout, TextWriter stderr)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GovDisclosureDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await stderr.WriteLineAsync("数据库结构不是最新，请先运行 gd db migrate。");
            return 1;
        }

        if (await db.Agencies.AnyAsync(a => a.Code == RegionCode))
        {
            await stdout.WriteLineAsync("示范数据已存在，未重复加载。");
            await PrintAccountsAsync(stdout);
            return 0;
        }

        if (sp.GetService<IReportPdfRenderer>() is not { } renderer)
        {
            await stderr.WriteLineAsync("未注册PDF渲染器（IReportPdfRenderer），无法发布示范报告；示范数据未加载。");
            return 1;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var year in Enumerable.Range(2019, 7))
        {
            if (await db.ReportingYears.FindAsync(year) is null)
            {
                db.ReportingYears.Add(new ReportingYear(year, isOpen: year == 2025));
            }
        }

        var region = new Agency("示范区人民政府", RegionCode, AgencyKind.PeopleGovernment, AdministrativeLevel.County, null);
        var office = new Agency("示范区人民政府办公室", "DEMO-BGS", AgencyKind.Department, AdministrativeLevel.County, region);
        var development = new Agency("示范区发展和改革局", "DEMO-FGJ", AgencyKind.Department, AdministrativeLevel.County, region);
        var education = new Agency("示范区教育局", "DEMO-JYJ", AgencyKind.Department, AdministrativeLevel.County, region);
        var street = new Agency("示范区城关街道办事处", "DEMO-CGJD", AgencyKind.TownshipStreet, AdministrativeLevel.Township, region);
        db.Agencies.AddRange(region, office, development, education, street);
        await db.SaveChangesAsync();

        var userIds = new Dictionary<string, string>();
        foreach (var a in Accounts)
        {
            var (ok, message) = await UserAddCommand.AddAsync(sp, a.UserName, a.Password, a.Name, a.AgencyCode, [a.Role]);
            if (!ok)
            {
                await stderr.WriteLineAsync(message);
                return 1;
            }

            userIds[a.Role] = (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(a.UserName))!.Id;
        }

        var filler = new Actor(userIds[Roles.Filler], "示范填报人", office.Id);
        var reviewer = new Actor(userIds[Roles.Reviewer], "示范审核人", region.Id);

        // The bureau has no account of its own in the demo; its report arrives as imported data.
        var importer = new Actor("gd-demo", "示范数据导入", development.Id);
        try
        {
            var office2020 = Report(office, samples.Office2020, null, filler, At(2021, 1, 18));
            Submit(office2020, filler, At(2021, 1, 20));
            Publish(db, office2020, reviewer, renderer, At(2021, 1, 25), null);

            var office2021 = Report(office, samples.Office2021, office2020.ToDocument(office.Name), filler, At(2022, 1, 17));
            Submit(office2021, filler, At(2022, 1, 19));
            Publish(db, office2021, reviewer, renderer, At(2022, 1, 26), office2020.ToDocument(office.Name));

            var bureau2020 = Report(development, samples.Bureau2020, null, importer, At(2021, 1, 22));
            Submit(bureau2020, importer, At(2021, 1, 28));

            db.Reports.AddRange(office2020, office2021, bureau2020, AnnualReport.Start(office, 2025, filler, At(2025, 12, 1)));
        }
        catch (ReportRejectedException e)
        {
            await stderr.WriteLineAsync($"示范报告未通过校验，示范数据未加载：{e.Message}");
            foreach (var finding in e.Findings)
            {
                await stderr.WriteLineAsync("  " + finding);
            }

            return 1;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await stdout.WriteLineAsync("示范数据已加载：示范区人民政府及其办公室、发展和改革局、教育局、城关街道办事处；2019—2025年度（2025年度开放填报）；"
            + "办公室2020、2021年度报告已发布，发展和改革局2020年度报告待审核，办公室2025年度报告为草稿。");
        await PrintAccountsAsync(stdout);
        return 0;
    }

    public static async Task PrintAccountsAsync(TextWriter stdout)
    {
        await stdout.WriteLineAsync("示范账号（用户名 / 密码 / 角色 / 机构）：");
        foreach (var a in Accounts)
        {
            var agency = a.AgencyCode == RegionCode ? "示范区人民政府" : "示范区人民政府办公室";
            await stdout.WriteLineAsync($"  {a.UserName} / {a.Password} / {Roles.DisplayName(a.Role)} / {agency}");
        }
    }

    private static AnnualReport Report(Agency agency, ReportDocument sample, ReportDocument? previous, Actor actor, DateTimeOffset at)
    {
        var report = AnnualReport.Start(agency, sample.Year, actor, at, previous);
        var content = sample.Clone();
        content.Title = string.Empty;

        // Samples come from different real agencies, so a carried-over value may legitimately differ from the demo's last year.
        var reasons = report.CarriedValues.Keys.ToDictionary(k => k, _ => "示范数据：样本报告来自不同机构，上年结转数与上年报告不同。");
        var warnings = report.UpdateContent(content, new Dictionary<string, string>(), reasons, actor, at, previous);
        if (warnings.Count > 0)
        {
            report.UpdateContent(content, warnings.ToDictionary(w => w.Key, _ => Explanation), reasons, actor, at, previous);
        }

        return report;
    }

    private static void Submit(AnnualReport report, Actor filler, DateTimeOffset at) =>
        report.Submit(filler, at, report.Agency!.Name);

    private static void Publish(GovDisclosureDbContext db, AnnualReport report, Actor reviewer, IReportPdfRenderer renderer, DateTimeOffset at, ReportDocument? previousYear)
    {
        report.Approve(reviewer, at);
        var document = report.ToDocument(report.Agency!.Name);
        var pdf = renderer.Render(document, new PdfRenderOptions(DocumentDate: at));
        var publication = report.Publish(reviewer, at, report.Agency.Name, pdf, InterchangeJson.Write(document), previousYear);
        db.Publications.Add(publication);

        // The page's read model and the region rollup, as every publication writes them.
        new PublicRecordWriter(db).Published(publication, document, source: null);
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));
}
