using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using GovDisclosure.Application;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// The public-site benchmarks' data, made by the publication code (docs/benchmarks.md, "Issue 14"):
/// <list type="bullet">
/// <item><c>public-seed</c>: N reports under a province (regions × departments), each started, filled, submitted,
/// approved and published through <see cref="PublishReport.PublishApprovedAsync"/> with its read model and rollup, one
/// transaction per batch. The PDF is the tests' stand-in (<see cref="StandInPdfRenderer"/>): real PDFs are 270 KB
/// each, and the page and summary benchmarks never read them.</item>
/// <item><c>publish-surge</c>: N approved reports published through <see cref="PublishReport.ExecuteAsync"/> (the
/// real use case, PDFsharp included) by C concurrent clients, counting conflicts, deadlocks and NOTIFYs heard.</item>
/// </list>
/// </summary>
internal static class PublicationBenchmark
{
    private const int Year = 2023;
    private static readonly DateTimeOffset At = new(2024, 1, 20, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Filler = new("bench-filler", "基准填报人", 0);
    private static readonly Actor Reviewer = new("bench-reviewer", "基准审核人", 0);

    public static async Task<int> SeedAsync(string[] args)
    {
        var options = Options.Parse(args);
        await using var services = Services(options.Connection, realPdf: false);
        var content = Content(options.Fixture);
        var departments = await AgenciesAsync(services, options.Prefix, options.Regions, options.Reports / options.Regions, options.Under);
        var watch = Stopwatch.StartNew();
        var done = 0;
        // Each batch holds agencies of one rollup shard (a batch of mixed shards against another could take the rows in
        // opposite orders and deadlock), and consecutive batches are of different shards, so the clients running at
        // once do not wait for each other's rollup rows.
        var batches = new ConcurrentQueue<int[]>(departments.GroupBy(PublicRecordWriter.ShardOf)
            .SelectMany(g => g.Chunk(options.Batch).Select((batch, i) => (Round: i, Shard: g.Key, Batch: batch)))
            .OrderBy(b => b.Round).ThenBy(b => b.Shard).Select(b => b.Batch));

        // Several batches at once, as several publishers would: one client leaves a core idle while PostgreSQL works.
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            while (batches.TryDequeue(out var batch))
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
                var reports = await ApprovedAsync(db, batch, content);
                var publisher = scope.ServiceProvider.GetRequiredService<PublishReport>();
                foreach (var report in reports)
                {
                    await publisher.PublishApprovedAsync(report, Reviewer, At, source: null, CancellationToken.None);
                }

                await db.SaveChangesAsync();
                var total = Interlocked.Add(ref done, reports.Count);
                if (total % 2000 < options.Batch)
                {
                    Console.Error.WriteLine($"  {total} published, {total / watch.Elapsed.TotalSeconds:F0}/s");
                }
            }
        })));

        Console.WriteLine($"seeded {done} publications through PublishApprovedAsync in {watch.Elapsed.TotalSeconds:F1} s ({done / watch.Elapsed.TotalSeconds:F0}/s, batches of {options.Batch}, {options.Clients} at once)");
        return 0;
    }

    public static async Task<int> SurgeAsync(string[] args)
    {
        var options = Options.Parse(args);
        await using var services = Services(options.Connection, realPdf: true);
        var content = Content(options.Fixture);
        var departments = await AgenciesAsync(services, options.Prefix, options.Regions, options.Reports / options.Regions);
        var ids = new List<int>();
        foreach (var batch in departments.Chunk(options.Batch))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
            ids.AddRange((await ApprovedAsync(db, batch, content)).Select(r => r.Id));
        }

        string rootPath;
        int rootId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
            var root = await db.Agencies.Where(a => a.Code == options.Prefix).Select(a => new { a.Id, a.Path }).SingleAsync();
            (rootId, rootPath) = (root.Id, root.Path);
        }

        // Every instance hears publications by NOTIFY (decisions/0008): count what one listener hears during the surge.
        var heard = 0;
        using var stopListening = new CancellationTokenSource();
        await using var listener = new NpgsqlConnection(options.Connection);
        await listener.OpenAsync();
        listener.Notification += (_, _) => Interlocked.Increment(ref heard);
        await using (var listen = new NpgsqlCommand("LISTEN gd_publication", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var listening = Task.Run(async () =>
        {
            try
            {
                while (!stopListening.IsCancellationRequested)
                {
                    await listener.WaitAsync(stopListening.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        // One untimed publication first, so the PDF fonts and the JIT are warm as on a portal that has been running.
        var reviewer = new UserScope("bench-reviewer", "基准审核人", rootId, rootPath, IsFiller: false, IsReviewer: true, IsAdmin: false);
        var queue = new ConcurrentQueue<int>(ids);
        var statuses = new ConcurrentDictionary<string, int>();
        var latencies = new ConcurrentBag<double>();
        queue.TryDequeue(out var first);
        await PublishOneAsync(services, reviewer, first, statuses, latencies);
        statuses.Clear();
        latencies.Clear();
        var heardBefore = heard;

        // CPU of this process and of PostgreSQL during the timed part: on a shared machine, what one publication costs
        // says more about these 2 cores than the wall-clock rate.
        var server = await ServerCpu.FindAsync(options.Connection);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var clientCpuBefore = self.TotalProcessorTime.TotalSeconds;
        var serverCpuBefore = server?.Seconds() ?? double.NaN;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var id))
            {
                await PublishOneAsync(services, reviewer, id, statuses, latencies);
            }
        })));
        watch.Stop();
        self.Refresh();
        var clientCpu = self.TotalProcessorTime.TotalSeconds - clientCpuBefore;
        var serverCpu = (server?.Seconds() ?? double.NaN) - serverCpuBefore;
        var gc = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3,
            (GC.GetTotalAllocatedBytes() - gcBefore.Item4) / 1024.0 / 1024.0);

        await Task.Delay(1000);
        await stopListening.CancelAsync();
        await listening;
        var published = statuses.GetValueOrDefault("Ok");
        var sorted = latencies.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"surge: {ids.Count - 1} approved reports, {options.Clients} concurrent clients, real PDFsharp: {published} published in {watch.Elapsed.TotalSeconds:F1} s = {published / watch.Elapsed.TotalSeconds:F1}/s; "
            + $"per publication median {sorted[sorted.Count / 2]:F0} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:F0} ms; "
            + $"outcomes {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}; NOTIFY heard {heard - heardBefore}"));
        var count = Math.Max(1, statuses.Values.Sum());
        var perPublication = (clientCpu + serverCpu) * 1000 / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per publication: {clientCpu * 1000 / count:F1} ms in this process + {serverCpu * 1000 / count:F1} ms in PostgreSQL = {perPublication:F1} ms, "
            + $"i.e. {Environment.ProcessorCount} cores sustain about {Environment.ProcessorCount * 1000 / perPublication:F0}/s if nothing else runs; "
            + $"GC {gc.Item1}/{gc.Item2}/{gc.Item3} (gen 0/1/2), {gc.Item4 / count:F1} MiB allocated per publication; load {File.ReadAllText("/proc/loadavg")[..14]}"));
        return published == ids.Count - 1 && heard - heardBefore == published ? 0 : 1;
    }

    private static async Task PublishOneAsync(ServiceProvider services, UserScope reviewer, int id, ConcurrentDictionary<string, int> statuses, ConcurrentBag<double> latencies)
    {
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
            var version = await db.Reports.AsNoTracking().Where(r => r.Id == id).Select(r => r.RowVersion).SingleAsync();
            var result = await scope.ServiceProvider.GetRequiredService<PublishReport>().ExecuteAsync(reviewer, id, version);
            outcome = result.Status.ToString();
        }
        catch (PostgresException e)
        {
            // 40P01 is a deadlock: the rollup's lock order is meant to make it impossible.
            outcome = "PostgreSQL " + e.SqlState;
        }
        catch (InvalidOperationException e) when (e.InnerException is PostgresException p)
        {
            outcome = "PostgreSQL " + p.SqlState;
        }

        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    /// <summary>A province, its regions and their departments, created once per prefix; returns the departments' ids.</summary>
    /// <param name="under">The code of an existing province to add the regions to; null creates the province.</param>
    private static async Task<List<int>> AgenciesAsync(ServiceProvider services, string prefix, int regions, int perRegion, string? under = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
        if (!await db.ReportingYears.AnyAsync(y => y.Year == Year))
        {
            db.ReportingYears.Add(new ReportingYear(Year, isOpen: true));
        }

        var province = under is null ? null : await db.Agencies.SingleAsync(a => a.Code == under);
        if (province is null)
        {
            province = new Agency($"{prefix}省人民政府", prefix, AgencyKind.PeopleGovernment, AdministrativeLevel.Provincial, null);
            db.Agencies.Add(province);
            await db.SaveChangesAsync();
        }

        var ids = new List<int>();
        for (var r = 1; r <= regions; r++)
        {
            var city = new Agency($"{prefix}第{r}市人民政府", $"{prefix}R{r}", AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity, province);
            db.Agencies.Add(city);
            var departments = Enumerable.Range(1, perRegion)
                .Select(d => new Agency($"{prefix}第{r}市第{d}局", $"{prefix}A{r}-{d}", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city))
                .ToList();
            db.Agencies.AddRange(departments);
            await db.SaveChangesAsync();
            ids.AddRange(departments.Select(d => d.Id));
            db.ChangeTracker.Clear();
            province = await db.Agencies.SingleAsync(a => a.Id == province.Id);
        }

        return ids;
    }

    /// <summary>Each department's report as the portal makes it: started, filled (warnings explained), submitted and approved.</summary>
    private static async Task<List<AnnualReport>> ApprovedAsync(GovDisclosureDbContext db, IReadOnlyCollection<int> agencyIds, ReportDocument content)
    {
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToListAsync();
        var reports = new List<AnnualReport>();
        foreach (var agency in agencies)
        {
            var report = AnnualReport.Start(agency, Year, Filler, At);
            var warnings = report.UpdateContent(content, new Dictionary<string, string>(), new Dictionary<string, string>(), Filler, At);
            if (warnings.Count > 0)
            {
                report.UpdateContent(content, warnings.ToDictionary(w => w.Key, _ => "基准数据：经核实无误。"), new Dictionary<string, string>(), Filler, At);
            }

            report.Submit(Filler, At, agency.Name);
            report.Approve(Reviewer, At);
            reports.Add(report);
        }

        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
        return reports;
    }

    /// <summary>The T2021 sample fixture as a 2023 report when it passes the rules; else the tests' complete balanced report.</summary>
    private static ReportDocument Content(string? fixture)
    {
        if (fixture is not null)
        {
            var document = InterchangeJson.Read(File.ReadAllText(fixture));
            document.Year = Year;
            document.Title = string.Empty;
            if (!Domain.Rules.ReportChecker.Check(new Domain.Rules.CheckContext(document)).Any(f => f.IsError))
            {
                return document;
            }

            Console.Error.WriteLine("the fixture breaks a balance rule as a 2023 report; using the complete balanced report");
        }

        var balanced = CompleteReport.Balanced(Year, received: 40);
        balanced.Title = string.Empty;
        return balanced;
    }

    private static ServiceProvider Services(string connection, bool realPdf)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connection })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
        services.AddGovDisclosureApplication();
        services.AddGovDisclosureData(configuration);
        if (realPdf)
        {
            services.AddReportPdf(configuration);
        }
        else
        {
            services.AddSingleton<IReportPdfRenderer, StandInPdfRenderer>();
        }

        return services.BuildServiceProvider();
    }

    private sealed record Options(string Connection, int Reports, int Regions, int Batch, int Clients, string Prefix, string? Fixture, string? Under)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("GD_CONNECTION")
                ?? throw new ArgumentException("--connection or GD_CONNECTION is required");
            return new Options(connection, Number("--reports", 10_000), Number("--regions", 5), Number("--batch", 200), Number("--clients", 8),
                Value("--prefix") ?? "BP", Value("--fixture"), Value("--under"));
        }
    }
}
