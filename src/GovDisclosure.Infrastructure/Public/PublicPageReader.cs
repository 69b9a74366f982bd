using System.Buffers;
using GovDisclosure.Domain.Oversight;
using Npgsql;
using NpgsqlTypes;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>
/// The report page's one read, the hottest query of the public site (every uncached view): the stored page and, in
/// the same round trip, whether the agency's region shows the 雷同 figure publicly. Plain Npgsql, prepared once per
/// pooled connection, so a view costs PostgreSQL no parsing or planning and the web process no LINQ pipeline
/// (docs/benchmarks.md, issue 14 part 4).
/// </summary>
/// <remarks>
/// The setting is the one in force now, decided as <c>ReviewSettingsAdmin.InForceAsync</c> decides it: the nearest
/// region at or above the agency (by path) that set it. It is not stored in the page, so a region that changes it,
/// or an agency that moves to another region, changes every page at once with nothing rewritten.
/// </remarks>
public sealed class PublicPageReader : IDisposable
{
    /// <summary>
    /// Enough for thousands of reads a second (each holds its connection for a fraction of a millisecond), and few
    /// enough that this pool and EF's together stay well inside PostgreSQL's default of 100 connections.
    /// </summary>
    public const int MaxConnections = 16;

    /// <summary>
    /// Room for a whole row in each connection's read buffer. A stored page is about 14 KB of JSON, and Npgsql moves
    /// a row larger than its default 8 KB buffer into a second buffer made for that row (a buffer object, an array
    /// rented from the pool and a copy of what was read so far, on every view). 64 KB per connection is 1 MB for the
    /// whole pool; a larger page still reads, through that second buffer.
    /// </summary>
    public const int ReadBufferBytes = 64 * 1024;

    private const string Sql = """
        SELECT convert_to(p."Content"::text, 'UTF8'),
               (SELECT s."ShowCopyFigurePublicly"
                  FROM review_settings AS s
                  JOIN agencies AS region ON region."Id" = s."RegionAgencyId"
                  JOIN agencies AS a ON a."Id" = p."AgencyId"
                 WHERE starts_with(a."Path", region."Path")
                 ORDER BY length(region."Path") DESC
                 LIMIT 1)
          FROM public_report_pages AS p
         WHERE p."ReportId" = $1
        """;

    private readonly NpgsqlDataSource dataSource;

    public PublicPageReader(string connectionString)
    {
        // A pool of its own that runs nothing but the one SELECT below, so a connection handed back carries no session
        // state and needs no reset: without NoResetOnClose Npgsql would send seven reset statements (RESET ALL,
        // UNLISTEN *, pg_advisory_unlock_all()…) with every view, more work for PostgreSQL than the read itself.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        builder.ReadBufferSize = Math.Max(builder.ReadBufferSize, ReadBufferBytes);
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, MaxConnections);
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The stored page, with whether its region shows the 雷同 figure; null when the report has no stored page.</summary>
    public async Task<PublicPageView?> ReadAsync(int reportId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = reportId });
        // A no-op on a pooled connection that has prepared it before: Npgsql keeps prepared statements across reuse.
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        // The JSON as UTF-8 bytes (convert_to above): System.Text.Json reads UTF-8 natively, so no 14 KB string is
        // decoded to UTF-16 only to be encoded back. Copied into a pooled array rather than a new byte[] per view:
        // the page is parsed at once and the bytes are not needed after it.
        var length = checked((int)reader.GetBytes(0, 0, null, 0, 0));
        var json = ArrayPool<byte>.Shared.Rent(length);
        PublicPage page;
        try
        {
            reader.GetBytes(0, 0, json, 0, length);
            page = PublicPage.FromJson(json.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }

        var shown = reader.IsDBNull(1) ? ReviewSettings.Defaults.ShowCopyFigurePublicly : reader.GetBoolean(1);
        return new PublicPageView(page, shown);
    }

    public void Dispose() => dataSource.Dispose();
}
