using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>
/// Writes the public record of a publication (decisions/0010) inside the SaveChanges that inserts it: after EF's rows,
/// in the same transaction (<see cref="GovDisclosureDbContext.AddToSave"/>), so the publication id is known and the
/// shared rollup rows are locked for the shortest time, just before the commit.
/// <para>
/// The rollup adds each publication's shown values (written, or the derived total) and its blank cells to its agency
/// and every agency above it, and to region 0 (everything); a cell shown as 0 adds nothing and writes no row. A correction adds the difference to the page's publication, so a region's
/// sum always equals the sum over its agencies' current revisions. Concurrent publishers touch the same region rows in
/// one order (counts, then cells, each by region and code), so they queue and never deadlock; and each adds to the
/// shard of its agency (<see cref="Shards"/>), so publishers of different agencies mostly touch different rows and do
/// not queue at all (before the shards, every publisher waited for the whole portal's rows). An agency moving to
/// another region takes its own rows (its whole subtree) out of the regions it left and into those it joined, in the
/// move's transaction; a publication in the moving subtree first takes a share lock on its agency row, so it is
/// counted either wholly before the move or wholly after it.
/// </para>
/// </summary>
public sealed class PublicRecordWriter(GovDisclosureDbContext db) : IPublicRecord
{
    /// <summary>The region id of the whole portal (agency ids start at 1).</summary>
    public const int AllRegions = 0;

    /// <summary>
    /// How many rows each region's sums are spread over. Eight concurrent publishers rarely share a shard of 16; readers
    /// add 16 rows per cell, which costs nothing next to one round trip.
    /// </summary>
    public const int Shards = 16;

    /// <summary>The fillfactor of the tables whose rows every publication updates in place (the rollup, the 雷同 counts).</summary>
    public const int RollupFillFactor = 50;

    /// <summary>The shard an agency's publications add to: fixed per agency, so a correction meets its original's rows.</summary>
    public static short ShardOf(int agencyId) => (short)(agencyId % Shards);

    public void Published(Publication publication, ReportDocument document, HistoricalSource? source)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(document);
        var original = source is null ? null : new PublicOriginal(source.FileName, source.ContentType, source.Sha256, source.Bytes.Length);
        // Only a publication this save inserts gets its cells written; the backfill hands existing ones over for their page and rollup.
        if (db.Entry(publication).State == EntityState.Added)
        {
            db.AddToSave((connection, transaction, ct) => WriteCellsAsync(connection, transaction, publication, ct));
        }

        db.AddToSave((connection, transaction, ct) => WritePublishedAsync(connection, transaction, publication, document, original, ct));
    }

    public void AgencyMoved(int agencyId, string oldPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(oldPath);
        db.AddToSave((connection, transaction, ct) => MoveAsync(connection, transaction, agencyId, oldPath, ct));
    }

    private static async Task WritePublishedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Publication publication, ReportDocument document, PublicOriginal? original, CancellationToken ct)
    {
        // The report row is locked by the EF update already, so no other revision of this report is being published now.
        string? replacedJson = null;
        var revisions = new List<PublicRevision>();
        var regions = new List<int> { AllRegions };
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command("""
                SELECT pub."InterchangeJson" FROM public_report_pages p JOIN publications pub ON pub."Id" = p."PublicationId"
                 WHERE p."ReportId" = $1
                """, publication.ReportId));
            batch.BatchCommands.Add(Command("""
                SELECT "Revision", "PublishedAt", "CorrectionReason", "PdfSha256" FROM publications
                 WHERE "ReportId" = $1 AND "Revision" <= $2 ORDER BY "Revision" DESC
                """, publication.ReportId, publication.Revision));
            batch.BatchCommands.Add(AncestorsOrSelf(publication.AgencyId));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                replacedJson = reader.GetString(0);
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                revisions.Add(new PublicRevision(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                regions.Add(reader.GetInt32(0));
            }
        }

        var page = PublicPage.Build(document, publication.ReportId, publication.Id, publication.AgencyId, publication.AgencyName, publication.Revision,
            publication.PublishedAt, publication.PdfSha256, publication.Findings, revisions, original);
        var added = PublicPage.Contribution(document);
        var removed = replacedJson is null ? null : PublicPage.Contribution(InterchangeJson.Read(replacedJson));

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO public_report_pages ("ReportId", "PublicationId", "AgencyId", "Year", "Template", "Content") VALUES ($1, $2, $3, $4, $5, $6::json)
                ON CONFLICT ("ReportId") DO UPDATE SET "PublicationId" = EXCLUDED."PublicationId", "AgencyId" = EXCLUDED."AgencyId",
                    "Year" = EXCLUDED."Year", "Template" = EXCLUDED."Template", "Content" = EXCLUDED."Content"
                """, publication.ReportId, publication.Id, publication.AgencyId, publication.Year, publication.Template.Key, page.ToJson()));
            if (replacedJson is null)
            {
                AddCounts(batch, regions.Select(r => (r, 1)).ToList(), publication.Year, publication.Template.Key, ShardOf(publication.AgencyId));
            }

            AddCells(batch, regions, publication.Year, publication.Template.Key, ShardOf(publication.AgencyId), Delta(document.Definition.Cells.Select(c => c.Code), added, removed));
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// The publication's cells (publication_cells), one statement for all of them: EF would send one INSERT … RETURNING
    /// per cell, which was a tenth of a publication's database time. In the document's order, so ids follow it as before.
    /// </summary>
    private static async Task WriteCellsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Publication publication, CancellationToken ct)
    {
        if (publication.Cells.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO publication_cells ("PublicationId", "Code", "Value")
            SELECT $1, c.code, c.value FROM unnest($2::text[], $3::numeric[]) WITH ORDINALITY AS c(code, value, n) ORDER BY c.n
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = publication.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = publication.Cells.Select(c => c.Code).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = publication.Cells.Select(c => c.Value).ToArray() });
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e)
        {
            // The cells were EF's rows until this statement took them over; callers handle a failed save as EF reports it.
            throw new DbUpdateException("Saving the publication's cells failed.", e);
        }
    }

    /// <summary>
    /// What a revision changes in each region: the new shown values less those of the revision it replaces (null for
    /// a first publication), and the change in how many reports leave each cell blank. A cell shown as 0 changes
    /// neither, so it writes no row: most cells of a real report are 0 (188 of the sample's 200), and they were
    /// nine in ten of the rollup's rows. Readers take "shows a value" as the region's report count less the blanks.
    /// </summary>
    public static List<(string Code, decimal Total, int Blanks)> Delta(
        IEnumerable<string> codes, IReadOnlyDictionary<string, decimal> added, IReadOnlyDictionary<string, decimal>? removed)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(added);
        var delta = new List<(string, decimal, int)>();
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            var (newBlank, newValue) = added.TryGetValue(code, out var n) ? (0, n) : (1, 0m);
            var (oldBlank, oldValue) = removed is null ? (0, 0m) : removed.TryGetValue(code, out var o) ? (0, o) : (1, 0m);
            if (newValue != oldValue || newBlank != oldBlank)
            {
                delta.Add((code, newValue - oldValue, newBlank - oldBlank));
            }
        }

        return delta;
    }

    private static async Task MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int agencyId, string oldPath, CancellationToken ct)
    {
        // EF has written the new paths already: the agency row is locked, so no publication below it is between its reads and its commit.
        var before = new HashSet<int>();
        var after = new HashSet<int>();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command("""SELECT "Id" FROM agencies WHERE "Path" = ANY (gd_path_prefixes($1)) AND "Path" <> $1""", oldPath));
            batch.BatchCommands.Add(Command("""
                SELECT a."Id" FROM agencies me JOIN agencies a ON a."Path" = ANY (gd_path_prefixes(me."Path")) AND a."Id" <> me."Id" WHERE me."Id" = $1
                """, agencyId));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                before.Add(reader.GetInt32(0));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                after.Add(reader.GetInt32(0));
            }
        }

        var moves = before.Except(after).Select(r => (Region: r, Sign: -1)).Concat(after.Except(before).Select(r => (Region: r, Sign: 1)))
            .OrderBy(m => m.Region).ToList();
        if (moves.Count == 0)
        {
            return;
        }

        var ids = moves.Select(m => m.Region).ToArray();
        var signs = moves.Select(m => m.Sign).ToArray();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            // First the on-time board's counts: a publisher's trigger takes them at its insert, before the rollup's rows.
            batch.BatchCommands.Add(Command("""
                INSERT INTO region_first_publications ("RegionId", "Year", "Kind", "PublishedOn", "Shard", "Agencies")
                SELECT m.id, c."Year", c."Kind", c."PublishedOn", c."Shard", c."Agencies" * m.sign
                  FROM region_first_publications c CROSS JOIN unnest($1::integer[], $2::integer[]) AS m(id, sign)
                 WHERE c."RegionId" = $3
                 ORDER BY m.id, c."Year", c."Kind" COLLATE "C", c."PublishedOn", c."Shard"
                ON CONFLICT ("RegionId", "Year", "Kind", "PublishedOn", "Shard") DO UPDATE SET "Agencies" = region_first_publications."Agencies" + EXCLUDED."Agencies"
                """, ids, signs, agencyId));
            batch.BatchCommands.Add(Command("""
                INSERT INTO region_report_counts ("RegionId", "Year", "Template", "Shard", "Reports")
                SELECT m.id, c."Year", c."Template", c."Shard", c."Reports" * m.sign
                  FROM region_report_counts c CROSS JOIN unnest($1::integer[], $2::integer[]) AS m(id, sign)
                 WHERE c."RegionId" = $3
                 ORDER BY m.id, c."Year", c."Template" COLLATE "C", c."Shard"
                ON CONFLICT ("RegionId", "Year", "Template", "Shard") DO UPDATE SET "Reports" = region_report_counts."Reports" + EXCLUDED."Reports"
                """, ids, signs, agencyId));
            batch.BatchCommands.Add(Command("""
                INSERT INTO region_cell_totals ("RegionId", "Year", "Template", "Code", "Shard", "Total", "Blanks")
                SELECT m.id, c."Year", c."Template", c."Code", c."Shard", c."Total" * m.sign, c."Blanks" * m.sign
                  FROM region_cell_totals c CROSS JOIN unnest($1::integer[], $2::integer[]) AS m(id, sign)
                 WHERE c."RegionId" = $3
                 ORDER BY m.id, c."Year", c."Template" COLLATE "C", c."Code" COLLATE "C", c."Shard"
                ON CONFLICT ("RegionId", "Year", "Template", "Code", "Shard") DO UPDATE
                    SET "Total" = region_cell_totals."Total" + EXCLUDED."Total", "Blanks" = region_cell_totals."Blanks" + EXCLUDED."Blanks"
                """, ids, signs, agencyId));
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// The agency and every agency above it. The share lock on the agency's own row waits for a move of it (or of an
    /// agency above it, which rewrites its path) to commit, and holds such a move off until this publication commits.
    /// The ancestors are looked up by their paths (the prefixes of the agency's, gd_path_prefixes) through the path's
    /// unique index: <c>starts_with(me."Path", a."Path")</c> can use no index and read every agency, 125–210 ms a
    /// publication at the bench database's 137,779 agencies against 0.4 ms by path.
    /// </summary>
    private static NpgsqlBatchCommand AncestorsOrSelf(int agencyId) =>
        Command("""
            SELECT a."Id" FROM agencies me JOIN agencies a ON a."Path" = ANY (gd_path_prefixes(me."Path")) WHERE me."Id" = $1 ORDER BY a."Id" FOR SHARE OF me
            """, agencyId);

    /// <summary>Adds report counts to regions; the regions in ascending order, as every writer takes them.</summary>
    internal static void AddCounts(NpgsqlBatch batch, IReadOnlyList<(int Region, int Reports)> counts, int year, string template, short shard) =>
        batch.BatchCommands.Add(Command("""
            INSERT INTO region_report_counts ("RegionId", "Year", "Template", "Shard", "Reports")
            SELECT r, $3, $4, $5, n FROM unnest($1::integer[], $2::integer[]) AS c(r, n) ORDER BY r
            ON CONFLICT ("RegionId", "Year", "Template", "Shard") DO UPDATE SET "Reports" = region_report_counts."Reports" + EXCLUDED."Reports"
            """, counts.Select(c => c.Region).ToArray(), counts.Select(c => c.Reports).ToArray(), year, template, shard));

    /// <summary>Adds cell sums to every region; region, then code, in ascending order, as every writer takes them.</summary>
    internal static void AddCells(NpgsqlBatch batch, IReadOnlyList<int> regions, int year, string template, short shard, IReadOnlyList<(string Code, decimal Total, int Blanks)> delta)
    {
        if (delta.Count == 0)
        {
            return;
        }

        batch.BatchCommands.Add(Command("""
            INSERT INTO region_cell_totals ("RegionId", "Year", "Template", "Code", "Shard", "Total", "Blanks")
            SELECT r, $5, $6, c.code, $7, c.total, c.blanks
              FROM unnest($1::integer[]) AS r CROSS JOIN unnest($2::text[], $3::numeric[], $4::integer[]) AS c(code, total, blanks)
             ORDER BY r, c.code COLLATE "C"
            ON CONFLICT ("RegionId", "Year", "Template", "Code", "Shard") DO UPDATE
                SET "Total" = region_cell_totals."Total" + EXCLUDED."Total", "Blanks" = region_cell_totals."Blanks" + EXCLUDED."Blanks"
            """, regions.Order().ToArray(), delta.Select(d => d.Code).ToArray(), delta.Select(d => d.Total).ToArray(), delta.Select(d => d.Blanks).ToArray(), year, template, shard));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
