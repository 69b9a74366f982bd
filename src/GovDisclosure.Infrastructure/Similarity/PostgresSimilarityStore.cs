using System.Data;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovDisclosure.Infrastructure.Similarity;

/// <summary>
/// The 雷同 index in PostgreSQL, on the request's own connection. A check is two round trips: every section's band
/// lookup through the primary key of similarity_bands with the candidates' signatures and the document frequencies in
/// one batch, then the shingles of the candidates that survive the signature estimate. Never a scan, and never the
/// 160 million rows a table of every 5-gram would hold.
/// </summary>
public sealed class PostgresSimilarityStore(GovDisclosureDbContext db) : ISimilarityStore
{
    /// <summary>How many rows each shingle's document frequency is spread over (migration ShingleShards).</summary>
    public const int ShingleShards = 8;

    /// <summary>The shard a report's entries count in: fixed per report, so replacing its entries meets the rows they added to.</summary>
    public static short ShingleShardOf(int reportId) => (short)(reportId % ShingleShards);

    public async Task ReplaceAsync(int reportId, SourceStatus status, IReadOnlyList<SectionFingerprint> sections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // One batch, so indexing a report is one round trip (and the commit) rather than two per section: under load
        // every round trip waits for a core twice, which cost more than the statements themselves.
        await using var batch = new NpgsqlBatch(connection, transaction);

        // The index is derived from committed publications and submissions, and a lost commit loses all of it for the
        // report (one transaction), which `gd db backfill-similarity` redoes. So it need not wait for the WAL flush:
        // during a surge every publisher updates the same boilerplate shingles' counts and queues on their row locks,
        // which were held through each commit's fsync.
        Add(batch, "SET LOCAL synchronous_commit = off");

        // Document frequency counts entries (a report's published and submitted texts are two): one upsert of the net
        // change per shingle, the entries being replaced counted off (per entry) and the new ones on, in shingle order,
        // into the report's shard. Every publisher of the same boilerplate updated the same rows and queued on them
        // until its commit; with the shards, concurrent publishers of different shards never meet, and readers sum
        // the shards. A shingle whose count does not change (a correction that keeps a sentence) writes nothing.
        var distinct = ShingledText.DistinctSorted(sections.SelectMany(s => s.Shingles));
        Add(batch, """
            INSERT INTO similarity_shingles ("Shingle", "Shard", "Reports")
            SELECT d.shingle, @shard, sum(d.n)::int FROM (
                SELECT unnest(@shingles) AS shingle, 1 AS n
                UNION ALL
                SELECT shingle, -count(DISTINCT status)::int
                  FROM (SELECT unnest(s."Shingles") AS shingle, s."Status" AS status FROM similarity_sections s
                         WHERE s."ReportId" = @report AND (@all OR s."Status" = @status)) x
                 GROUP BY shingle) d
             GROUP BY d.shingle HAVING sum(d.n) <> 0
             ORDER BY d.shingle
            ON CONFLICT ("Shingle", "Shard") DO UPDATE SET "Reports" = similarity_shingles."Reports" + EXCLUDED."Reports"
            """, ("shingles", ToInts(distinct)), ("shard", ShingleShardOf(reportId)), ("report", reportId), ("all", status == SourceStatus.Published), ("status", status.ToString()));
        Add(batch, """DELETE FROM similarity_sections WHERE "ReportId" = @report AND (@all OR "Status" = @status)""",
            ("report", reportId), ("all", status == SourceStatus.Published), ("status", status.ToString()));

        foreach (var section in sections)
        {
            Add(batch, """
                WITH s AS (
                    INSERT INTO similarity_sections ("ReportId", "AgencyId", "Year", "SectionKey", "Status", "FormatVersion", "ShingleCount", "Shingles", "Signature")
                    VALUES (@report, @agency, @year, @key, @status, @version, @count, @shingles, @signature) RETURNING "Id")
                INSERT INTO similarity_bands ("Hash", "SectionId") SELECT DISTINCT b, s."Id" FROM s, unnest(@bands) AS b ON CONFLICT DO NOTHING
                """,
                ("report", reportId),
                ("agency", section.Source.AgencyId),
                ("year", section.Source.Year),
                ("key", section.Source.SectionKey),
                ("status", status.ToString()),
                ("version", SimilarityIndex.FormatVersion),
                ("count", section.Shingles.Length),
                ("shingles", ToInts(section.Shingles)),
                ("signature", ToInts(section.Signature)),
                ("bands", section.BandHashes.Select(b => unchecked((long)b)).ToArray()));
        }

        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<bool> HasPublishedAsync(int reportId, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM similarity_sections WHERE "ReportId" = @report AND "Status" = 'Published' AND "FormatVersion" = @version)
            """, connection);
        command.Parameters.AddWithValue("report", reportId);
        command.Parameters.AddWithValue("version", SimilarityIndex.FormatVersion);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<StoredCandidates> CandidatesAsync(CandidateQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await OpenAsync(ct);
        await using var batch = new NpgsqlBatch(connection);

        // All sections' band lookups in one statement through the primary key of similarity_bands, ranked once
        // (MATERIALIZED, or each section would repeat the lookup). Per section, the ranked ids are sorted before the
        // join (OFFSET 0 keeps that subquery apart), so the nested loop stops at the limit instead of joining every
        // colliding section. Visibility is applied before the limit, so hidden sections never take a visible one's
        // place; a submitted entry counts only while its report is still under review (a returned report is a draft
        // again), and only such entries need their report and agency read.
        Add(batch, """
            WITH probe AS (
                SELECT DISTINCT p.section, p.hash FROM unnest(@probeSections, @probeBands) AS p(section, hash)
            ), ranked AS MATERIALIZED (
                SELECT section, id, max(collisions) AS collisions FROM (
                    SELECT p.section, b."SectionId" AS id, count(*)::int AS collisions
                      FROM probe p JOIN similarity_bands b ON b."Hash" = p.hash
                     GROUP BY p.section, b."SectionId"
                    UNION ALL
                    SELECT k.section, s."Id", @ownRank FROM unnest(@sections) AS k(section) CROSS JOIN similarity_sections s WHERE s."AgencyId" = @own) hits
                 GROUP BY section, id
            )
            SELECT k.section, t.*,
                   CASE WHEN t."Status" = 'Published' THEN NULL ELSE (SELECT a."Path" FROM agencies a WHERE a."Id" = t."AgencyId") END,
                   CASE WHEN t."Status" = 'Published' THEN NULL ELSE (SELECT r."State" FROM reports r WHERE r."Id" = t."ReportId") END
              FROM unnest(@sections) AS k(section)
              CROSS JOIN LATERAL (
                  SELECT s."Id", s."ReportId", s."AgencyId", s."Year", s."SectionKey", s."Status", s."Signature", s."ShingleCount", ranked.collisions
                    FROM (SELECT id, collisions FROM ranked WHERE ranked.section = k.section ORDER BY collisions DESC, id OFFSET 0) ranked
                    JOIN similarity_sections s ON s."Id" = ranked.id
                   WHERE s."ReportId" <> @exclude AND s."FormatVersion" = @version
                     AND (s."Status" = 'Published'
                          OR (NOT @publishedOnly AND EXISTS (
                                SELECT 1 FROM reports r JOIN agencies a ON a."Id" = s."AgencyId"
                                 WHERE r."Id" = s."ReportId" AND r."State" IN ('Submitted', 'Approved')
                                   AND (s."AgencyId" = @own OR (@path <> '' AND starts_with(a."Path", @path))))))
                   ORDER BY ranked.collisions DESC, ranked.id
                   LIMIT @limit) t
            """,
            ("probeSections", query.Bands.SelectMany((bands, i) => Enumerable.Repeat(i, bands.Length)).ToArray()),
            ("probeBands", query.Bands.SelectMany(bands => bands).Select(b => unchecked((long)b)).ToArray()),
            ("sections", Enumerable.Range(0, query.Bands.Count).ToArray()),
            ("own", query.OwnAgencyId ?? 0),
            ("ownRank", query.OwnRank),
            ("exclude", query.ExcludeReportId ?? 0),
            ("version", SimilarityIndex.FormatVersion),
            ("publishedOnly", query.PublishedOnly),
            ("path", query.SubmittedWithinPath ?? string.Empty),
            ("limit", query.Limit));
        Add(batch, """SELECT count(DISTINCT "ReportId")::int FROM similarity_sections""");
        Add(batch, """
            SELECT "Shingle", sum("Reports")::int FROM similarity_shingles WHERE "Shingle" = ANY(@shingles) GROUP BY "Shingle"
            """,
            ("shingles", query.Shingles.Select(h => unchecked((int)h)).ToArray()));

        var candidates = query.Bands.Select(_ => new List<StoredCandidate>()).ToList();
        var frequencies = new Dictionary<uint, int>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var source = new SimilaritySource(reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5), Enum.Parse<SourceStatus>(reader.GetString(6)));
            var candidate = new SimilarityCandidate(reader.GetInt64(1), source, ToUints(reader.GetFieldValue<int[]>(7)), reader.GetInt32(8), reader.GetInt32(9));
            var path = reader.IsDBNull(10) ? null : reader.GetString(10);
            ReportState? state = reader.IsDBNull(11) ? null : Enum.Parse<ReportState>(reader.GetString(11));
            candidates[reader.GetInt32(0)].Add(new StoredCandidate(candidate, path, state));
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var reportCount = reader.GetInt32(0);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            frequencies[unchecked((uint)reader.GetInt32(0))] = reader.GetInt32(1);
        }

        return new StoredCandidates(candidates, reportCount, frequencies);
    }

    public async Task<IReadOnlyDictionary<long, uint[]>> ShinglesAsync(IReadOnlyCollection<long> sectionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sectionIds);
        var result = new Dictionary<long, uint[]>();
        if (sectionIds.Count == 0)
        {
            return result;
        }

        var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("""SELECT "Id", "Shingles" FROM similarity_sections WHERE "Id" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", sectionIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetInt64(0)] = ToUints(reader.GetFieldValue<int[]>(1));
        }

        return result;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        return connection;
    }

    private static void Add(NpgsqlBatch batch, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        batch.BatchCommands.Add(command);
    }

    private static int[] ToInts(uint[] values) => Array.ConvertAll(values, v => unchecked((int)v));

    private static uint[] ToUints(int[] values) => Array.ConvertAll(values, v => unchecked((uint)v));
}
