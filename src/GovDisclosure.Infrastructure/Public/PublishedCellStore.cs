using System.Collections.Concurrent;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>
/// The published cells of every current revision, per year, held in memory as one value vector per report so a
/// region summary over thousands of reports is a few hundred thousand additions instead of as many index
/// lookups (about a second in PostgreSQL for 2,000 reports × 200 cells; docs/benchmarks.md).
/// Publications are append-only (the database refuses updates and deletes) and every new revision gets a
/// higher id, so keeping up is exact and cheap: each use asks for the year's highest publication id and loads
/// only the publications above the one it has seen.
/// </summary>
public sealed class PublishedCellStore : IDisposable
{
    private readonly ConcurrentDictionary<int, YearCells> years = new();

    /// <summary>The store is a singleton; the container disposes it at shutdown, releasing each year's lock.</summary>
    public void Dispose()
    {
        foreach (var cells in years.Values)
        {
            cells.Dispose();
        }
    }

    /// <summary>One report's current revision: its agency and its values in template cell order (null = blank).</summary>
    public sealed record Entry(int PublicationId, int ReportId, int AgencyId, string AgencyName, int Revision, decimal?[] Values);

    /// <summary>The year's current entries, brought up to date with the database first.</summary>
    public async Task<IReadOnlyCollection<Entry>> CurrentAsync(GovDisclosureDbContext db, int year, CancellationToken ct)
    {
        var cells = years.GetOrAdd(year, y => new YearCells(y));
        await cells.RefreshAsync(db, ct);
        return cells.Snapshot;
    }

    /// <summary>The index of each cell code in an entry's values, for the year's template.</summary>
    public static IReadOnlyDictionary<string, int> Index(int year) => YearCells.IndexFor(TemplateVersions.ForYear(year));

    private sealed class YearCells(int year) : IDisposable
    {
        private static readonly ConcurrentDictionary<TemplateVersion, Dictionary<string, int>> Indexes = new();
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly Dictionary<int, Entry> byReport = [];
        private int seenPublicationId;
        private int seenCount;

        public IReadOnlyCollection<Entry> Snapshot { get; private set; } = [];

        public void Dispose() => gate.Dispose();

        public static Dictionary<string, int> IndexFor(TemplateVersion template) =>
            Indexes.GetOrAdd(template, t => ReportTemplates.Get(t).Cells.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal));

        public async Task RefreshAsync(GovDisclosureDbContext db, CancellationToken ct)
        {
            var stats = await db.Publications.AsNoTracking().Where(p => p.Year == year)
                .GroupBy(p => p.Year).Select(g => new { Count = g.Count(), Max = g.Max(p => p.Id) }).SingleOrDefaultAsync(ct);
            var (count, newest) = (stats?.Count ?? 0, stats?.Max ?? 0);
            if (newest == Volatile.Read(ref seenPublicationId) && count == Volatile.Read(ref seenCount))
            {
                return;
            }

            await gate.WaitAsync(ct);
            try
            {
                if (newest == seenPublicationId && count == seenCount)
                {
                    return;
                }

                // Ids are handed out before commit, so a slow transaction can commit a lower id after a higher one was
                // seen: the count notices it, and the year is then read again from scratch.
                if (newest < seenPublicationId || count < seenCount || (newest == seenPublicationId && count != seenCount))
                {
                    byReport.Clear();
                    seenPublicationId = 0;
                    seenCount = 0;
                }

                var index = IndexFor(TemplateVersions.ForYear(year));
                var first = seenPublicationId;
                var fresh = await db.Publications.AsNoTracking()
                    .Where(p => p.Year == year && p.Id > first && p.Id <= newest)
                    .OrderBy(p => p.Id)
                    .Select(p => new { p.Id, p.ReportId, p.AgencyId, p.AgencyName, p.Revision })
                    .ToListAsync(ct);
                var entries = fresh.ToDictionary(p => p.Id, p => new Entry(p.Id, p.ReportId, p.AgencyId, p.AgencyName, p.Revision, new decimal?[index.Count]));

                // Streamed as plain rows: one per cell, hundreds of thousands for a large year.
                await foreach (var cell in db.Publications.AsNoTracking()
                    .Where(p => p.Year == year && p.Id > first && p.Id <= newest)
                    .SelectMany(p => p.Cells.Select(c => new { PublicationId = p.Id, c.Code, c.Value }))
                    .AsAsyncEnumerable().WithCancellation(ct))
                {
                    if (index.TryGetValue(cell.Code, out var i))
                    {
                        entries[cell.PublicationId].Values[i] = cell.Value;
                    }
                }

                var template = TemplateVersions.ForYear(year);
                foreach (var entry in entries.Values)
                {
                    AddDerivedTotals(entry, template, year, index);
                }

                foreach (var entry in entries.Values.OrderBy(e => e.PublicationId))
                {
                    // A correction is a new publication of the same report with a higher revision: it replaces the old one.
                    if (!byReport.TryGetValue(entry.ReportId, out var old) || old.Revision < entry.Revision)
                    {
                        byReport[entry.ReportId] = entry;
                    }
                }

                Snapshot = byReport.Values.ToArray();
                Volatile.Write(ref seenCount, seenCount + fresh.Count);
                Volatile.Write(ref seenPublicationId, newest);
            }
            finally
            {
                gate.Release();
            }
        }

        /// <summary>
        /// A publication holds the cells the agency wrote; a total it left blank is computed, as on its report page.
        /// Summing only written totals would drop every blank-total report from a region's 总计.
        /// </summary>
        private static void AddDerivedTotals(Entry entry, TemplateVersion template, int year, Dictionary<string, int> index)
        {
            var document = new ReportDocument(template, year, string.Empty, string.Empty);
            foreach (var (code, i) in index)
            {
                if (entry.Values[i] is { } value)
                {
                    document.Cells[code] = value;
                }
            }

            foreach (var (code, value) in ReportTotals.Derived(document))
            {
                entry.Values[index[code]] = value;
            }
        }
    }
}
