using GovDisclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies", t => t.HasCheckConstraint(
            "CK_agencies_reporting_period", "\"ReportsUntil\" IS NULL OR \"ReportsFrom\" IS NULL OR \"ReportsUntil\" >= \"ReportsFrom\""));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Agency.NameMaxLength).IsRequired();
        builder.Property(a => a.Code).HasMaxLength(Agency.CodeMaxLength).IsRequired();
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.ReportsFrom);
        builder.Property(a => a.ReportsUntil);
        builder.Property(a => a.Path).HasMaxLength(Agency.PathMaxLength).IsRequired();

        // Scope queries are prefix matches on the path; text_pattern_ops lets LIKE 'prefix%' use the index.
        builder.HasIndex(a => a.Path).IsUnique().HasOperators("text_pattern_ops");
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.Profile);
    }
}
