using GovDisclosure.Application.Oversight;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Similarity;
using GovDisclosure.Tests.Shared;
using Npgsql;

namespace GovDisclosure.Application.Tests.Similarity;

/// <summary>
/// The stored check does in SQL what the in-memory index does in C# (the candidate limit, the signature estimate,
/// document frequency), so a reviewer sees the same sources and percentages whichever feeds the matcher. Measured on
/// a small generated corpus with copies at every share, so candidates fall on both sides of the estimate and the limit.
/// </summary>
public sealed class StoredCheckTests : IAsyncLifetime
{
    private const int Agencies = 55;
    private const int Years = 4;

    // A small candidate limit, so the per-section cut in SQL is reached and has to agree with the in-memory one.
    private static readonly SimilarityOptions Options = new() { MaxCandidatesPerSection = 12 };

    private readonly Dictionary<int, (int AgencyId, int Year, Dictionary<string, string> Sections)> reports = [];
    private string connection = null!;

    public async Task InitializeAsync()
    {
        connection = await TestDatabase.CreateAsync("gd_similarity_stored");
        var random = new Random(20261201);
        var clauses = Enumerable.Range(0, 160).Select(_ => Clause(random)).ToArray();
        var habitual = Enumerable.Range(0, 3).Select(_ => Clause(random)).ToArray();
        var id = 0;
        for (var agency = 1; agency <= Agencies; agency++)
        {
            // Each agency keeps some of its own phrasing from year to year, as agencies do.
            var own = Enumerable.Range(0, 12).Select(_ => Clause(random)).ToArray();
            for (var year = 2020; year < 2020 + Years; year++)
            {
                var sections = new Dictionary<string, string>
                {
                    [SectionKeys.Overview] = Narrative(random, clauses, own, habitual),
                    [SectionKeys.Problems] = Narrative(random, clauses, own, habitual),
                };
                reports[++id] = (agency, year, sections);
            }
        }

        // Copies of another agency's section at shares from 10 % to 90 %: around the naming threshold and the estimate's bound.
        for (var copy = 0; copy < 40; copy++)
        {
            var target = reports[random.Next(1, id + 1)];
            var source = reports[random.Next(1, id + 1)];
            var key = copy % 2 == 0 ? SectionKeys.Overview : SectionKeys.Problems;
            var share = 0.1 + (0.8 * copy / 40);
            var kept = source.Sections[key].Split('。', StringSplitOptions.RemoveEmptyEntries).Where(_ => random.NextDouble() < share);
            target.Sections[key] = string.Concat(kept.Select(s => s + "。")) + Narrative(random, clauses, [], []);
        }

        await SeedAsync();
    }

    public async Task DisposeAsync() => await TestDatabase.DropAsync(connection);

    [Fact]
    public async Task The_stored_check_names_the_same_sources_with_the_same_figures_as_the_in_memory_index()
    {
        using var memory = new SimilarityIndex(Options);
        await using (var db = TestDatabase.Context(connection))
        {
            var store = new PostgresSimilarityStore(db);
            foreach (var (id, report) in reports)
            {
                memory.Add(id, report.AgencyId, report.Year, SourceStatus.Published, report.Sections);
                await store.ReplaceAsync(id, SourceStatus.Published, memory.Matcher.Fingerprints(id, report.AgencyId, report.Year, SourceStatus.Published, report.Sections), CancellationToken.None);
            }
        }

        var named = 0;
        foreach (var (id, report) in reports)
        {
            await using var db = TestDatabase.Context(connection);
            var check = new SimilarityCheck(db, new PostgresSimilarityStore(db), memory.Matcher, new ReviewSettingsAdmin(db, TimeProvider.System));
            var stored = await check.CheckAsync(id, report.AgencyId, report.Sections, SimilarityViewer.Public);
            var expected = memory.Check(id, report.AgencyId, report.Sections, _ => true);

            Assert.Equal(Describe(expected), Describe(stored));
            named += expected.Sum(s => s.Matches.Count);
        }

        // Not a vacuous agreement: the corpus has copies within agencies (kept phrasing) and across them (the planted ones).
        Assert.InRange(named, 60, int.MaxValue);
    }

    /// <summary>
    /// What a reviewer is shown: each source, its share and the highlighted passages. Not the Jaccard figure, which no
    /// page shows: the stored check knows the document frequency of the checked report's shingles only, so a source's
    /// own habitual shingles still count in its Jaccard denominator there.
    /// </summary>
    private static string Describe(IReadOnlyList<SectionSimilarity> results) =>
        string.Join('\n', results.SelectMany(s => s.Matches
            .Select(m => $"{s.SectionKey} ({s.Shingles}): {m.Source.ReportId}/{m.Source.SectionKey} {m.Containment:R} {string.Join('|', m.Passages.Select(p => $"{p.Start}+{p.Length}"))}")
            .DefaultIfEmpty($"{s.SectionKey} ({s.Shingles}): none")));

    private static string Narrative(Random random, string[] clauses, string[] own, string[] habitual)
    {
        var parts = new List<string>();
        if (habitual.Length > 0 && random.NextDouble() < 0.4)
        {
            parts.AddRange(habitual);
        }

        parts.AddRange(Enumerable.Range(0, random.Next(3, 6)).Select(_ => own.Length > 0 ? own[random.Next(own.Length)] : Clause(random)));
        parts.AddRange(Enumerable.Range(0, random.Next(4, 9)).Select(_ => clauses[random.Next(clauses.Length)]));
        return string.Concat(parts.OrderBy(_ => random.Next()).Select(p => p + "。"));
    }

    /// <summary>A clause of ideographs drawn from the common block: no two clauses share a 5-gram by accident.</summary>
    private static string Clause(Random random) =>
        new(Enumerable.Range(0, random.Next(12, 22)).Select(_ => (char)(0x4E00 + random.Next(3000))).ToArray());

    /// <summary>The agencies and published report rows the stored index refers to (its sections have foreign keys to both).</summary>
    private async Task SeedAsync()
    {
        await using (var context = TestDatabase.Context(connection))
        {
            context.ReportingYears.AddRange(reports.Values.Select(r => r.Year).Distinct().Select(y => new ReportingYear(y, isOpen: true)));
            await context.SaveChangesAsync();
        }

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO agencies ("Id", "Name", "Code", "Kind", "Level", "Path")
            SELECT DISTINCT a, '机关' || a, 'S' || a, 'Department', 'County', '/S' || a || '/' FROM unnest(@agenciesOf) a;
            INSERT INTO reports ("Id", "AgencyId", "Year", "Template", "Title", "State", "Revision", "PublishedRevision", "CreatedAt", "UpdatedAt", "Cells", "Sections", "Explanations", "CarriedValues", "Origin", "ApprovalChain", "ApprovalStep", "UnknownCells")
            SELECT r, a, y, 'T2021', '报告' || r, 'Published', 1, 1, now(), now(), '{}', '{}', '{}', '{}', 'Portal', '', 0, '[]' FROM unnest(@reports, @agenciesOf, @years) AS x(r, a, y);
            """, db);
        command.Parameters.AddWithValue("reports", reports.Keys.ToArray());
        command.Parameters.AddWithValue("agenciesOf", reports.Values.Select(r => r.AgencyId).ToArray());
        command.Parameters.AddWithValue("years", reports.Values.Select(r => r.Year).ToArray());
        await command.ExecuteNonQueryAsync();
    }
}
