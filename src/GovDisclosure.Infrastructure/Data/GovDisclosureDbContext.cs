using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Oversight;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Infrastructure.Public;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace GovDisclosure.Infrastructure.Data;

/// <summary>The one database: Identity stores, agencies, reports, publications and the audit trail.</summary>
public sealed class GovDisclosureDbContext(DbContextOptions<GovDisclosureDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IGovDisclosureDb, IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<ReportingYear> ReportingYears => Set<ReportingYear>();

    public DbSet<DeadlineOverride> DeadlineOverrides => Set<DeadlineOverride>();

    public DbSet<AnnualReport> Reports => Set<AnnualReport>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<HistoricalSource> HistoricalSources => Set<HistoricalSource>();

    /// <summary>The Data Protection key ring every instance reads (cookies, antiforgery tokens); see ClusterSetup.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ReportDraft> ReportDrafts => Set<ReportDraft>();

    public DbSet<ApprovalChain> ApprovalChains => Set<ApprovalChain>();

    /// <summary>Predecessor → successor links of agencies that merged, split or renamed.</summary>
    public DbSet<AgencyLink> AgencyLinks => Set<AgencyLink>();

    public DbSet<ReviewSettings> ReviewSettings => Set<ReviewSettings>();

    /// <summary>The public record: each report's page as published, and the region rollup (decisions/0010).</summary>
    public DbSet<PublicReportPageRow> PublicReportPages => Set<PublicReportPageRow>();

    public DbSet<RegionCellTotal> RegionCellTotals => Set<RegionCellTotal>();

    public DbSet<RegionReportCount> RegionReportCounts => Set<RegionReportCount>();

    private readonly List<Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>> sameTransaction = [];

    /// <summary>
    /// Adds SQL to the next save, run after EF's own statements and before the commit of the same transaction: the
    /// public record of a publication, whose rollup rows are increments EF cannot express (and must be locked last).
    /// </summary>
    internal void AddToSave(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> write) => sameTransaction.Add(write);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        sameTransaction.Count == 0 ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new InvalidOperationException("A publication's public record is written by SaveChangesAsync only.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (sameTransaction.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Taken now: a failed save drops them with the changes, as the callers clear the change tracker after a failure.
        var writes = sameTransaction.ToList();
        sameTransaction.Clear();
        var outer = Database.CurrentTransaction;
        var transaction = outer ?? await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Accepted at once, so the generated ids (the publication's) are on the entities for the writes that follow; if
            // one fails the transaction rolls back and the caller clears the change tracker, as after any failed save.
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var connection = (NpgsqlConnection)Database.GetDbConnection();
            var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
            foreach (var write in writes)
            {
                await write(connection, npgsqlTransaction, cancellationToken);
            }

            if (outer is null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (outer is null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Npgsql writes only UTC offsets to timestamptz; the domain takes "now" from its callers, and a caller
        // passing Beijing time (+08:00) would otherwise fail at SaveChanges. The instant is the same either way.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(GovDisclosureDbContext).Assembly);
    }
}

internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
