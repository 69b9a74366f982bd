using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Oversight;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GovDisclosure.Application.Common;

/// <summary>
/// The database as the use cases and queries see it: the aggregates' sets and one SaveChanges. Infrastructure's
/// DbContext implements it; the provider (Npgsql), the mappings and the migrations stay there.
/// </summary>
public interface IGovDisclosureDb
{
    DbSet<Agency> Agencies { get; }

    DbSet<ReportingYear> ReportingYears { get; }

    DbSet<DeadlineOverride> DeadlineOverrides { get; }

    DbSet<AnnualReport> Reports { get; }

    DbSet<Publication> Publications { get; }

    DbSet<ReviewComment> ReviewComments { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    /// <summary>The original files of imported historical reports.</summary>
    DbSet<HistoricalSource> HistoricalSources { get; }

    /// <summary>暂存: each user's unsaved input per report. Read only for that user; never by review or the public site.</summary>
    DbSet<ReportDraft> ReportDrafts { get; }

    DbSet<ApprovalChain> ApprovalChains { get; }

    /// <summary>Each region's review settings (雷同 提示线, public figure, anomaly thresholds); absent = the defaults.</summary>
    DbSet<ReviewSettings> ReviewSettings { get; }

    /// <summary>Cleared after a refusal, so a half-changed aggregate is never saved by a later call in the same request.</summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>For the row version the caller loaded (optimistic concurrency).</summary>
    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>For a use case that saves twice but must commit once (an imported report and its publication).</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    /// <summary>Whether a failed save broke a unique index (two clicks creating the same row); the provider knows how to tell.</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}
