using System.Data;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovDisclosure.Infrastructure.Similarity;

/// <summary>
/// The 雷同 index in PostgreSQL, on the request's own connection. A check is one round trip: every section's band
/// lookup through the primary key of similarity_bands, the signature estimate in SQL, and the shingles of the few
/// candidates that survive it, with the document frequencies in the same batch. Never a scan, and never the 160
/// million rows a table of every 5-gram would hold.
/// </summary>
public sealed class PostgresSimilarityStore(GovDisclosureDbContext db) : ISimilarityStore
{
    public async Task ReplaceAsync(int reportId, SourceStatus status, IReadOnlyList<SectionFingerprint> sections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // One batch, so indexing a report is one round trip (and the commit) rather than two per section: under load
        // every round trip waits for a core twice, which cost more than the statements themselves.
        await using var batch = new NpgsqlBatch(connection, transaction);

        // Document frequency counts entries (a report's published and submitted texts are two), so the decrement is per entry.
        Add(batch, """
            UPDATE similarity_shingles f SET "Reports" = f."Reports" - o.n
              FROM (SELECT shingle, count(DISTINCT status)::int AS n
                      FROM (SELECT unnest(s."Shingles") AS shingle, s."Status" AS status FROM similarity_sections s
                             WHERE s."ReportId" = @report AND (@all OR s."Status" = @status)) x
                     GROUP BY shingle) o
             WHERE f."Shingle" = o.shingle
            """, ("report", reportId), ("all", status == SourceStatus.Published), ("status", status.ToString()));
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

        // In sorted order, so two publications writing at once take the rows' locks in the same order.
        var distinct = ShingledText.DistinctSorted(sections.SelectMany(s => s.Shingles));
        Add(batch, """
            INSERT INTO similarity_shingles ("Shingle", "Reports") SELECT unnest(@shingles), 1
            ON CONFLICT ("Shingle") DO UPDATE SET "Reports" = similarity_shingles."Reports" + 1
            """, ("shingles", ToInts(distinct)));
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

    public async Task<StoredShortlist> ShortlistAsync(ShortlistQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await OpenAsync(ct);
        var positions = query.Sections.Count == 0 ? 0 : query.Sections[0].Signature.Length;
        if (query.Sections.Any(p => p.Signature.Length != positions))
        {
            throw new ArgumentException("Every probed section's signature has the same length.", nameof(query));
        }

        await using var batch = new NpgsqlBatch(connection);

        // All sections' band lookups in one statement, through the primary key of similarity_bands. Visibility is
        // applied before the per-section limit, so hidden sections never take a visible one's place (a submitted
        // entry counts only while its report is still under review: a returned report is a draft again). Then the
        // signature estimate of SimilarityMatcher.Shortlist, the same expression in the same order of float8
        // operations, so only the survivors' shingles are read, each once however many sections found it.
        Add(batch, """
            WITH probe AS (
                SELECT DISTINCT p.section, p.hash FROM unnest(@probeSections, @probeBands) AS p(section, hash)
            ), hits AS (
                SELECT p.section, b."SectionId" AS id, count(*)::int AS collisions
                  FROM probe p JOIN similarity_bands b ON b."Hash" = p.hash
                 GROUP BY p.section, b."SectionId"
                UNION ALL
                SELECT k.section, s."Id", @ownRank FROM unnest(@sections) AS k(section) CROSS JOIN similarity_sections s WHERE s."AgencyId" = @own
            ), ranked AS (
                SELECT section, id, max(collisions) AS collisions FROM hits GROUP BY section, id
            ), visible AS (
                SELECT ranked.section, ranked.collisions, s."Id" AS id, s."ReportId", s."AgencyId", s."Year", s."SectionKey", s."Status",
                       s."Signature", s."ShingleCount", a."Path", r."State",
                       row_number() OVER (PARTITION BY ranked.section ORDER BY ranked.collisions DESC, s."Id") AS place
                  FROM ranked
                  JOIN similarity_sections s ON s."Id" = ranked.id
                  JOIN reports r ON r."Id" = s."ReportId"
                  JOIN agencies a ON a."Id" = s."AgencyId"
                 WHERE s."ReportId" <> @exclude AND s."FormatVersion" = @version
                   AND (s."Status" = 'Published'
                        OR (NOT @publishedOnly AND r."State" IN ('Submitted', 'Approved')
                            AND (s."AgencyId" = @own OR (@path <> '' AND starts_with(a."Path", @path)))))
            ), kept AS (
                SELECT v.section, v.collisions, v.id, v."ReportId", v."AgencyId", v."Year", v."SectionKey", v."Status", v."ShingleCount", v."Path", v."State",
                       row_number() OVER (PARTITION BY v.id ORDER BY v.section) AS occurrence
                  FROM visible v
                  JOIN unnest(@sections, @sizes) AS c(section, size) ON c.section = v.section
                  CROSS JOIN LATERAL (
                      SELECT count(*)::float8 / @positions AS j
                        FROM unnest(v."Signature", @signatures[c.section * @positions + 1 : (c.section + 1) * @positions]) AS e(x, y)
                       WHERE e.x = e.y) estimate
                 WHERE v.place <= @limit
                   AND (v."AgencyId" = @own OR estimate.j * (c.size + v."ShingleCount") / ((1 + estimate.j) * c.size) >= @minEstimate)
            )
            SELECT k.section, k.id, k."ReportId", k."AgencyId", k."Year", k."SectionKey", k."Status", k."ShingleCount", k.collisions, k."Path", k."State",
                   CASE WHEN k.occurrence = 1 THEN s."Shingles" END
              FROM kept k JOIN similarity_sections s ON s."Id" = k.id
             ORDER BY k.section, k.collisions DESC, k.id
            """,
            ("probeSections", query.Sections.SelectMany((p, i) => Enumerable.Repeat(i, p.Bands.Length)).ToArray()),
            ("probeBands", query.Sections.SelectMany(p => p.Bands).Select(b => unchecked((long)b)).ToArray()),
            ("sections", Enumerable.Range(0, query.Sections.Count).ToArray()),
            ("sizes", query.Sections.Select(p => p.ShingleCount).ToArray()),
            ("signatures", query.Sections.SelectMany(p => ToInts(p.Signature)).ToArray()),
            ("positions", positions),
            ("own", query.OwnAgencyId ?? 0),
            ("ownRank", query.OwnRank),
            ("exclude", query.ExcludeReportId ?? 0),
            ("version", SimilarityIndex.FormatVersion),
            ("publishedOnly", query.PublishedOnly),
            ("path", query.SubmittedWithinPath ?? string.Empty),
            ("limit", query.Limit),
            ("minEstimate", query.MinEstimatedContainment));
        Add(batch, """SELECT count(DISTINCT "ReportId")::int FROM similarity_sections""");
        Add(batch, """SELECT "Shingle", "Reports" FROM similarity_shingles WHERE "Shingle" = ANY(@shingles)""",
            ("shingles", query.Shingles.Select(h => unchecked((int)h)).ToArray()));

        var candidates = query.Sections.Select(_ => new List<StoredCandidate>()).ToList();
        var shingles = new Dictionary<long, uint[]>();
        var frequencies = new Dictionary<uint, int>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(1);
            var source = new SimilaritySource(reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5), Enum.Parse<SourceStatus>(reader.GetString(6)));
            var candidate = new SimilarityCandidate(id, source, [], reader.GetInt32(7), reader.GetInt32(8));
            candidates[reader.GetInt32(0)].Add(new StoredCandidate(candidate, reader.GetString(9), Enum.Parse<ReportState>(reader.GetString(10))));
            if (!reader.IsDBNull(11))
            {
                shingles[id] = ToUints(reader.GetFieldValue<int[]>(11));
            }
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var reportCount = reader.GetInt32(0);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            frequencies[unchecked((uint)reader.GetInt32(0))] = reader.GetInt32(1);
        }

        return new StoredShortlist(candidates, shingles, reportCount, frequencies);
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
