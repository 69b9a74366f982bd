using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Infrastructure.Data;

/// <summary>The one database: Identity stores, agencies, reports, publications and the audit trail.</summary>
public sealed class GovDisclosureDbContext(DbContextOptions<GovDisclosureDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<ReportingYear> ReportingYears => Set<ReportingYear>();

    public DbSet<DeadlineOverride> DeadlineOverrides => Set<DeadlineOverride>();

    public DbSet<AnnualReport> Reports => Set<AnnualReport>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(GovDisclosureDbContext).Assembly);
    }
}
