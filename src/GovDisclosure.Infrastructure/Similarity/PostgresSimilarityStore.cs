using System.Data;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovDisclosure.Infrastructure.Similarity;

/// <summary>
/// The 雷同 index in PostgreSQL, on the request's own connection. A check is one band lookup per section through the
/// primary key of similarity_bands, the candidates' signatures, then the shingles of the few that survive the
/// signature estimate: never a scan, and never the 160 million rows a table of every 5-gram would hold.
/// </summary>
public sealed class PostgresSimilarityStore(GovDisclosureDbContext db) : ISimilarityStore
{
    public async Task ReplaceAsync(int reportId, SourceStatus status, IReadOnlyList<SectionFingerprint> sections, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // Document frequency counts entries (a report's published and submitted texts are two), so the decrement is per entry.
        await ExecuteAsync(connection, transaction, """
            UPDATE similarity_shingles f SET "Reports" = f."Reports" - o.n
              FROM (SELECT shingle, count(DISTINCT status)::int AS n
                      FROM (SELECT unnest(s."Shingles") AS shingle, s."Status" AS status FROM similarity_sections s
                             WHERE s."ReportId" = @report AND (@all OR s."Status" = @status)) x
                     GROUP BY shingle) o
             WHERE f."Shingle" = o.shingle;
            DELETE FROM similarity_sections WHERE "ReportId" = @report AND (@all OR "Status" = @status);
            """, ct, ("report", reportId), ("all", status == SourceStatus.Published), ("status", status.ToString()));

        foreach (var section in sections)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO similarity_sections ("ReportId", "AgencyId", "Year", "SectionKey", "Status", "FormatVersion", "ShingleCount", "Shingles", "Signature")
                VALUES (@report, @agency, @year, @key, @status, @version, @count, @shingles, @signature) RETURNING "Id"
                """, connection, transaction);
            insert.Parameters.AddWithValue("report", reportId);
            insert.Parameters.AddWithValue("agency", section.Source.AgencyId);
            insert.Parameters.AddWithValue("year", section.Source.Year);
            insert.Parameters.AddWithValue("key", section.Source.SectionKey);
            insert.Parameters.AddWithValue("status", status.ToString());
            insert.Parameters.AddWithValue("version", SimilarityIndex.FormatVersion);
            insert.Parameters.AddWithValue("count", section.Shingles.Length);
            insert.Parameters.AddWithValue("shingles", ToInts(section.Shingles));
            insert.Parameters.AddWithValue("signature", ToInts(section.Signature));
            var id = (long)(await insert.ExecuteScalarAsync(ct))!;
            await ExecuteAsync(connection, transaction, """
                INSERT INTO similarity_bands ("Hash", "SectionId") SELECT DISTINCT unnest(@bands), @section ON CONFLICT DO NOTHING
                """, ct, ("bands", section.BandHashes.Select(b => unchecked((long)b)).ToArray()), ("section", id));
        }

        // In sorted order, so two publications writing at once take the rows' locks in the same order.
        var distinct = ShingledText.DistinctSorted(sections.SelectMany(s => s.Shingles));
        await ExecuteAsync(connection, transaction, """
            INSERT INTO similarity_shingles ("Shingle", "Reports") SELECT unnest(@shingles), 1
            ON CONFLICT ("Shingle") DO UPDATE SET "Reports" = similarity_shingles."Reports" + 1
            """, ct, ("shingles", ToInts(distinct)));
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

    public async Task<IReadOnlyList<StoredCandidate>> CandidatesAsync(CandidateQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await OpenAsync(ct);

        // Visibility is applied before the limit, so hidden sections never take a visible one's place. A submitted
        // entry counts only while its report is still under review: a returned report is a draft again.
        await using var command = new NpgsqlCommand("""
            WITH hits AS (
                SELECT "SectionId" AS id, count(*)::int AS collisions FROM similarity_bands WHERE "Hash" = ANY(@bands) GROUP BY "SectionId"
                UNION ALL
                SELECT "Id", @ownRank FROM similarity_sections WHERE "AgencyId" = @own AND cardinality(@bands) > 0
            ), ranked AS (SELECT id, max(collisions) AS collisions FROM hits GROUP BY id)
            SELECT s."Id", s."ReportId", s."AgencyId", s."Year", s."SectionKey", s."Status", s."Signature", s."ShingleCount", ranked.collisions, a."Path", r."State"
              FROM ranked
              JOIN similarity_sections s ON s."Id" = ranked.id
              JOIN reports r ON r."Id" = s."ReportId"
              JOIN agencies a ON a."Id" = s."AgencyId"
             WHERE s."ReportId" <> @exclude AND s."FormatVersion" = @version
               AND (s."Status" = 'Published'
                    OR (r."State" IN ('Submitted', 'Approved') AND (s."AgencyId" = @own OR (@path <> '' AND starts_with(a."Path", @path)))))
             ORDER BY ranked.collisions DESC, s."Id"
             LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("bands", query.Bands.Select(b => unchecked((long)b)).ToArray());
        command.Parameters.AddWithValue("own", query.OwnAgencyId ?? 0);
        command.Parameters.AddWithValue("ownRank", query.OwnRank);
        command.Parameters.AddWithValue("exclude", query.ExcludeReportId ?? 0);
        command.Parameters.AddWithValue("version", SimilarityIndex.FormatVersion);
        command.Parameters.AddWithValue("path", query.SubmittedWithinPath ?? string.Empty);
        command.Parameters.AddWithValue("limit", query.Limit);
        var found = new List<StoredCandidate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var source = new SimilaritySource(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), Enum.Parse<SourceStatus>(reader.GetString(5)));
            var candidate = new SimilarityCandidate(reader.GetInt64(0), source, ToUints(reader.GetFieldValue<int[]>(6)), reader.GetInt32(7), reader.GetInt32(8));
            found.Add(new StoredCandidate(candidate, reader.GetString(9), Enum.Parse<ReportState>(reader.GetString(10))));
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<long, uint[]>> ShinglesAsync(IReadOnlyCollection<long> sectionIds, CancellationToken ct)
    {
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

    public async Task<int> ReportCountAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("""SELECT count(DISTINCT "ReportId")::int FROM similarity_sections""", connection);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlySet<uint>> CommonShinglesAsync(IReadOnlyCollection<uint> shingles, int commonFrom, CancellationToken ct)
    {
        var common = new HashSet<uint>();
        if (shingles.Count == 0 || commonFrom == int.MaxValue)
        {
            return common;
        }

        var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT "Shingle" FROM similarity_shingles WHERE "Shingle" = ANY(@shingles) AND "Reports" >= @from
            """, connection);
        command.Parameters.AddWithValue("shingles", shingles.Select(s => unchecked((int)s)).ToArray());
        command.Parameters.AddWithValue("from", commonFrom);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            common.Add(unchecked((uint)reader.GetInt32(0)));
        }

        return common;
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

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static int[] ToInts(uint[] values) => Array.ConvertAll(values, v => unchecked((int)v));

    private static uint[] ToUints(int[] values) => Array.ConvertAll(values, v => unchecked((uint)v));
}
