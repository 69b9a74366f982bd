using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Import;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Similarity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovDisclosure.Benchmarks.Similarity;

/// <summary>
/// `similarity-db`: the 雷同 check as the portal runs it, through the stored index in PostgreSQL (PostgresSimilarityStore
/// and SimilarityCheck, one DbContext per check as a request has), over the same generated corpus as `similarity`,
/// with the in-memory index checked on the same reports in the same run beside it.
/// Usage: similarity-db --connection CS [--reports N] [--planted N] [--checks N] [--keep] [--database NAME]. CS names a
/// server; a scratch database is created on it and dropped afterwards, or kept with --keep (its name is printed).
/// --database NAME checks against a database a --keep run left (same --reports and --planted: the corpus is
/// generated again, deterministically) without indexing it again, to compare two versions of the check or read
/// its query plans on the same store.
/// </summary>
public static class SimilarityStoreBenchmark
{
    private static readonly string[] Samples = ["000_ffb7cb016be5db93.txt", "001_34264c7ee48481bb.txt", "003_07ea97a0e0dbb2b9.txt"];

    public static async Task<int> RunAsync(string[] args)
    {
        var server = Value(args, "--connection") ?? Environment.GetEnvironmentVariable("GD_TEST_CONNECTION");
        if (server is null)
        {
            await Console.Error.WriteLineAsync("similarity-db needs --connection \"Host=…;Username=…;Database=postgres\" (or GD_TEST_CONNECTION)");
            return 2;
        }

        var loadAtStart = ParseCheckBenchmark.LoadAverage();
        var reports = Option(args, "--reports", 10_000);
        var planted = Option(args, "--planted", 300);
        var checks = Option(args, "--checks", 300);
        var seeds = Samples.Select(s => ReportImporter.Import(File.ReadAllBytes(ParseCheckBenchmark.SamplePath(s)), s).Report.Sections).ToList();
        var corpus = NarrativeCorpus.Build(seeds, reports, planted);

        var reuse = Value(args, "--database");
        var keep = reuse is not null || args.Contains("--keep");
        var name = reuse ?? $"gd_bench_similarity_{DateTime.UtcNow.Ticks}";
        if (reuse is null)
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            var build = reuse is null ? await LoadAsync(connection, corpus) : double.NaN;
            var (sections, bands, size) = await SizeAsync(connection);
            var matcher = new SimilarityMatcher();
            var memory = new SimilarityIndex();
            foreach (var report in corpus.Reports)
            {
                memory.Add(report.ReportId, report.AgencyId, report.Year, SourceStatus.Published, report.Sections);
            }

            var toCheck = corpus.Planted.Select(p => p.CopyReportId)
                .Concat(corpus.Reports.Select(r => r.ReportId).Where(id => id % 7 == 3))
                .Distinct().Take(checks).ToList();
            var byId = corpus.Reports.ToDictionary(r => r.ReportId);
            var plantedPairs = corpus.Planted.Select(p => (p.CopyReportId, p.SectionKey, p.SourceReportId)).ToHashSet();

            // Warm-up: JIT, the connection pool and PostgreSQL's buffers; not what a reviewer waits for.
            foreach (var id in toCheck.Take(20))
            {
                await CheckStoredAsync(connection, matcher, byId[id]);
                memory.Check(id, byId[id].AgencyId, byId[id].Sections, _ => true);
            }

            var stored = new List<double>();
            var inMemory = new List<double>();
            var foundStored = new HashSet<(int, string, int)>();
            var foundMemory = new HashSet<(int, string, int)>();
            foreach (var id in toCheck)
            {
                var report = byId[id];
                var t = Stopwatch.GetTimestamp();
                var result = await CheckStoredAsync(connection, matcher, report);
                stored.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                t = Stopwatch.GetTimestamp();
                var fromMemory = memory.Check(id, report.AgencyId, report.Sections, _ => true);
                inMemory.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                Collect(id, result, plantedPairs, foundStored);
                Collect(id, fromMemory, plantedPairs, foundMemory);
            }

            var plantedChecked = corpus.Planted.Count(p => toCheck.Contains(p.CopyReportId));
            var output = new StringBuilder();
            output.AppendLine(CultureInfo.InvariantCulture, $"corpus: {reports:N0} published reports generated from the 3 samples, {planted} planted copies; a check is one whole report (all its sections), one DbContext each");
            output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, PostgreSQL 15 on the same machine; load average at start {loadAtStart}");
            output.AppendLine(CultureInfo.InvariantCulture, $"stored index: {sections:N0} sections, {bands:N0} band rows, {size / 1048576.0:F0} MiB on disk; loaded through PostgresSimilarityStore in {build / 1000:F0} s ({build / corpus.Reports.Count:F1} ms a report){(keep ? $"; database {name} kept" : "")}");
            output.AppendLine();
            output.AppendLine("| index | checks | wall median | wall p95 | wall max | planted copies among the checked | found |");
            output.AppendLine("|---|---|---|---|---|---|---|");
            output.AppendLine(Row("PostgreSQL (SimilarityCheck + PostgresSimilarityStore)", stored, plantedChecked, foundStored.Count));
            output.AppendLine(Row("in memory (SimilarityIndex), same run", inMemory, plantedChecked, foundMemory.Count));
            output.AppendLine();
            output.AppendLine(CultureInfo.InvariantCulture, $"load average at end: {ParseCheckBenchmark.LoadAverage()}");
            Console.Write(output.ToString());
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!keep)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    private static async Task<IReadOnlyList<SectionSimilarity>> CheckStoredAsync(string connection, SimilarityMatcher matcher, NarrativeCorpus.Report report)
    {
        await using var db = Context(connection);
        var check = new SimilarityCheck(db, new PostgresSimilarityStore(db), matcher, new ReviewSettingsAdmin(db, TimeProvider.System));
        return await check.CheckAsync(report.ReportId, report.AgencyId, report.Sections, SimilarityViewer.Public);
    }

    private static void Collect(int id, IReadOnlyList<SectionSimilarity> result, HashSet<(int, string, int)> planted, HashSet<(int, string, int)> found)
    {
        foreach (var section in result)
        {
            foreach (var match in section.Matches.Where(m => planted.Contains((id, section.SectionKey, m.Source.ReportId))))
            {
                found.Add((id, section.SectionKey, match.Source.ReportId));
            }
        }
    }

    /// <summary>Agencies and published report rows by SQL (the band lookup joins them), then every report through the store as publishing does.</summary>
    private static async Task<double> LoadAsync(string connection, NarrativeCorpus corpus)
    {
        await using (var db = Context(connection))
        {
            await db.Database.MigrateAsync();
            db.ReportingYears.AddRange(corpus.Reports.Select(r => r.Year).Distinct().Select(y => new ReportingYear(y, isOpen: true)));
            await db.SaveChangesAsync();
        }

        await ExecuteAsync(connection, """
            INSERT INTO agencies ("Id", "Name", "Code", "Kind", "Level", "Path")
            SELECT DISTINCT a, '机关' || a, 'B' || a, 'Department', 'County', '/B' || a || '/' FROM unnest(@agencies) a;
            INSERT INTO reports ("Id", "AgencyId", "Year", "Template", "Title", "State", "Revision", "PublishedRevision", "CreatedAt", "UpdatedAt", "Cells", "Sections", "Explanations", "CarriedValues", "Origin", "ApprovalChain", "ApprovalStep", "UnknownCells")
            SELECT r, a, y, 'T2021', '报告' || r, 'Published', 1, 1, now(), now(), '{}', '{}', '{}', '{}', 'Portal', '', 0, '[]' FROM unnest(@reports, @agenciesOf, @years) AS x(r, a, y);
            """,
            ("agencies", corpus.Reports.Select(r => r.AgencyId).Distinct().ToArray()),
            ("reports", corpus.Reports.Select(r => r.ReportId).ToArray()),
            ("agenciesOf", corpus.Reports.Select(r => r.AgencyId).ToArray()),
            ("years", corpus.Reports.Select(r => r.Year).ToArray()));

        var matcher = new SimilarityMatcher();
        var start = Stopwatch.GetTimestamp();
        foreach (var chunk in corpus.Reports.Chunk(500))
        {
            await using var db = Context(connection);
            var store = new PostgresSimilarityStore(db);
            foreach (var report in chunk)
            {
                await store.ReplaceAsync(report.ReportId, SourceStatus.Published,
                    matcher.Fingerprints(report.ReportId, report.AgencyId, report.Year, SourceStatus.Published, report.Sections), CancellationToken.None);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await ExecuteAsync(connection, "ANALYZE");
        return elapsed;
    }

    private static async Task<(long Sections, long Bands, long Bytes)> SizeAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM similarity_sections), (SELECT count(*) FROM similarity_bands),
                   pg_total_relation_size('similarity_sections') + pg_total_relation_size('similarity_bands') + pg_total_relation_size('similarity_shingles')
            """, db);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static string Row(string label, List<double> times, int planted, int found)
    {
        var sorted = times.Order().ToArray();
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {label} | {sorted.Length} | {P(0.5):F1} ms | {P(0.95):F1} ms | {sorted[^1]:F1} ms | {planted} | {found} |");
    }

    private static GovDisclosureDbContext Context(string connection)
    {
        var options = new DbContextOptionsBuilder<GovDisclosureDbContext>();
        Infrastructure.DependencyInjection.Configure(options, connection);
        return new GovDisclosureDbContext(options.Options);
    }

    private static async Task ExecuteAsync(string connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static string? Value(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
}
