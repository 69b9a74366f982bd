using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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
