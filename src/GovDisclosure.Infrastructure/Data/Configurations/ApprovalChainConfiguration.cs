using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class ApprovalChainConfiguration : IEntityTypeConfiguration<ApprovalChain>
{
    /// <summary>Five levels of "Scope|Name" with twenty-character names fit comfortably.</summary>
    public const int EncodedMaxLength = 400;

    public void Configure(EntityTypeBuilder<ApprovalChain> builder)
    {
        builder.ToTable("approval_chains");
        builder.HasKey(c => c.Id);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.RegionAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);

        // One chain per kind in a region: the admin page edits it in place.
        builder.HasIndex(c => new { c.RegionAgencyId, c.Kind }).IsUnique();
        builder.Property<string>("levels").HasColumnName("Levels").HasMaxLength(EncodedMaxLength).IsRequired();
        builder.Ignore(c => c.Levels);
        builder.Ignore(c => c.EncodedLevels);
        builder.Property(c => c.RowVersion).IsRowVersion();
    }
}
