using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class ReportingYearConfiguration : IEntityTypeConfiguration<ReportingYear>
{
    public void Configure(EntityTypeBuilder<ReportingYear> builder)
    {
        builder.ToTable("reporting_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Template).IsTemplateKey();
    }
}

internal sealed class DeadlineOverrideConfiguration : IEntityTypeConfiguration<DeadlineOverride>
{
    public void Configure(EntityTypeBuilder<DeadlineOverride> builder)
    {
        builder.ToTable("deadline_overrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.AgencyPath).HasMaxLength(Agency.PathMaxLength).IsRequired();
        builder.HasIndex(o => new { o.Year, o.RegionAgencyId }).IsUnique();
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(o => o.Year).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(o => o.RegionAgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
