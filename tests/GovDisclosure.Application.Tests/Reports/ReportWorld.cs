using Microsoft.Extensions.Time.Testing;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovDisclosure.Application.Tests.Reports;

/// <summary>Records what PublishReport announces, and what the database held at that moment.</summary>
internal sealed class RecordingListener(string connection) : IPublicationListener
{
    public List<(ReportPublished Published, bool WasCommitted)> Heard { get; } = [];

    public async Task PublishedAsync(ReportPublished published, CancellationToken ct)
    {
        // Read on a connection of its own: an uncommitted publication would not be visible here.
        await using var db = new GovDisclosureDbContext(new DbContextOptionsBuilder<GovDisclosureDbContext>().UseNpgsql(connection).Options);
        Heard.Add((published, await db.Publications.AnyAsync(p => p.ReportId == published.ReportId && p.Revision == published.Revision, ct)));
    }
}

/// <summary>
/// A migrated database with a small region (区人民政府 → 办公室, 甲局, 乙局) and one user scope per role,
/// plus the use cases, each call on a fresh DbContext as a web request would have.
/// </summary>
internal sealed class ReportWorld : IAsyncDisposable
{
    private ReportWorld(string connection) => Connection = connection;

    public string Connection { get; }

    /// <summary>Set by the tests (AdjustTime may go back, e.g. to before a deadline).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)));

    public StandInPdfRenderer Pdf { get; } = new();

    /// <summary>What publishing tells; empty until a test adds one.</summary>
    public List<IPublicationListener> Listeners { get; } = [];

    public Agency Government { get; private set; } = null!;

    public Agency Office { get; private set; } = null!;

    public Agency BureauA { get; private set; } = null!;

    public Agency BureauB { get; private set; } = null!;

    public UserScope FillerA { get; private set; } = null!;

    public UserScope FillerA2 { get; private set; } = null!;

    public UserScope FillerB { get; private set; } = null!;

    /// <summary>审核人 at the 区人民政府: reviews the whole region.</summary>
    public UserScope Reviewer { get; private set; } = null!;

    /// <summary>审核人 of 乙局 only: must not reach 甲局.</summary>
    public UserScope ReviewerB { get; private set; } = null!;

    public static async Task<ReportWorld> CreateAsync(string prefix)
    {
        var world = new ReportWorld(await TestDatabase.CreateAsync(prefix));
        await using var db = world.Db();
        db.ReportingYears.AddRange(Enumerable.Range(2019, 7).Select(y => new ReportingYear(y, isOpen: true)));
        world.Government = new Agency("新华区人民政府", "XH", AgencyKind.PeopleGovernment, AdministrativeLevel.County, null);
        db.Agencies.Add(world.Government);
        await db.SaveChangesAsync();
        world.Office = new Agency("新华区人民政府办公室", "XH-BGS", AgencyKind.Department, AdministrativeLevel.County, world.Government);
        world.BureauA = new Agency("新华区甲局", "XH-A", AgencyKind.Department, AdministrativeLevel.County, world.Government);
        world.BureauB = new Agency("新华区乙局", "XH-B", AgencyKind.Department, AdministrativeLevel.County, world.Government);
        db.Agencies.AddRange(world.Office, world.BureauA, world.BureauB);
        await db.SaveChangesAsync();

        world.FillerA = new UserScope("u-fa", "甲局填报人", world.BureauA.Id, world.BureauA.Path, IsFiller: true, IsReviewer: false, IsAdmin: false);
        world.FillerA2 = new UserScope("u-fa2", "甲局填报人二", world.BureauA.Id, world.BureauA.Path, IsFiller: true, IsReviewer: false, IsAdmin: false);
        world.FillerB = new UserScope("u-fb", "乙局填报人", world.BureauB.Id, world.BureauB.Path, IsFiller: true, IsReviewer: false, IsAdmin: false);
        world.Reviewer = new UserScope("u-rv", "区审核人", world.Government.Id, world.Government.Path, IsFiller: false, IsReviewer: true, IsAdmin: false);
        world.ReviewerB = new UserScope("u-rvb", "乙局审核人", world.BureauB.Id, world.BureauB.Path, IsFiller: false, IsReviewer: true, IsAdmin: false);
        return world;
    }

    public GovDisclosureDbContext Db() => TestDatabase.Context(Connection);

    public async ValueTask DisposeAsync() => await TestDatabase.DropAsync(Connection);

    public Task<UseCaseResult> StartAsync(UserScope s, int year) => Run(db => new StartReport(db, Clock).ExecuteAsync(s, year));

    public Task<UseCaseResult> SaveAsync(UserScope s, SaveReportInput input) => Run(db => new SaveReport(db, Clock).ExecuteAsync(s, input));

    public Task<UseCaseResult> SubmitAsync(UserScope s, int id, uint version) => Run(db => new SubmitReport(db, Clock).ExecuteAsync(s, id, version));

    public Task<UseCaseResult> WithdrawAsync(UserScope s, int id, uint version) => Run(db => new WithdrawReport(db, Clock).ExecuteAsync(s, id, version));

    public Task<UseCaseResult> ReturnAsync(UserScope s, int id, uint version, string summary = "第三部分数据请核实") =>
        Run(db => new ReturnReport(db, Clock).ExecuteAsync(s, id, version, summary));

    public Task<UseCaseResult> ApproveAsync(UserScope s, int id, uint version) => Run(db => new ApproveReport(db, Clock).ExecuteAsync(s, id, version));

    public Task<UseCaseResult> PublishAsync(UserScope s, int id, uint version) =>
        Run(db => new PublishReport(db, Clock, Pdf, Listeners, NullLogger<PublishReport>.Instance, new PublicRecordWriter(db)).ExecuteAsync(s, id, version));

    public Task<UseCaseResult> CorrectAsync(UserScope s, int id, uint version, string reason = "第三部分自然人列数据有误") =>
        Run(db => new OpenCorrection(db, Clock).ExecuteAsync(s, id, version, reason));

    public Task<UseCaseResult> CommentAsync(UserScope s, int id, string text = "请核实") => Run(db => new AddComment(db, Clock).ExecuteAsync(s, id, text));

    private async Task<UseCaseResult> Run(Func<GovDisclosureDbContext, Task<UseCaseResult>> call)
    {
        await using var db = Db();
        return await call(db);
    }

    public async Task<AnnualReport> LoadAsync(int id)
    {
        await using var db = Db();
        return await db.Reports.AsNoTracking().Include(r => r.Agency).SingleAsync(r => r.Id == id);
    }

    public async Task<uint> VersionAsync(int id) => (await LoadAsync(id)).RowVersion;

    public async Task<List<AuditEntry>> AuditAsync(int id)
    {
        await using var db = Db();
        return await db.AuditEntries.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>
    /// Saves content and then, whatever warnings the rules raise, saves again with a 说明 for each, so the
    /// report can be submitted. Keeps these tests independent of which warnings the rules have.
    /// </summary>
    public async Task<UseCaseResult> SaveExplainedAsync(UserScope s, int id, ReportDocument content, IReadOnlyDictionary<string, string>? reasons = null)
    {
        var saved = Ok(await SaveAsync(s, new SaveReportInput(id, await VersionAsync(id), content, null, reasons)));
        if (saved.Findings.Count == 0)
        {
            return saved;
        }

        var explanations = saved.Findings.ToDictionary(f => f.Key, f => "经核实数据无误。");
        return Ok(await SaveAsync(s, new SaveReportInput(id, saved.RowVersion!.Value, content, explanations, reasons)));
    }

    /// <summary>Takes a new report of <paramref name="filler"/>'s agency to the given state.</summary>
    public async Task<int> ReportInStateAsync(UserScope filler, int year, ReportState state, ReportDocument? content = null)
    {
        var id = Ok(await StartAsync(filler, year)).ReportId!.Value;
        if (state == ReportState.Draft)
        {
            return id;
        }

        await SaveExplainedAsync(filler, id, content ?? CompleteReport.Balanced(year));
        Ok(await SubmitAsync(filler, id, await VersionAsync(id)));
        if (state == ReportState.Submitted)
        {
            return id;
        }

        if (state == ReportState.Returned)
        {
            Ok(await ReturnAsync(Reviewer, id, await VersionAsync(id)));
            return id;
        }

        Ok(await ApproveAsync(Reviewer, id, await VersionAsync(id)));
        if (state == ReportState.Approved)
        {
            return id;
        }

        Ok(await PublishAsync(Reviewer, id, await VersionAsync(id)));
        return id;
    }

    public static UseCaseResult Ok(UseCaseResult result)
    {
        Assert.True(result.IsOk, $"{result.Status}: {result.Message} {string.Join("；", result.Findings)}");
        return result;
    }
}
