using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Oversight;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class ReviewSettingsConfiguration : IEntityTypeConfiguration<ReviewSettings>
{
    public void Configure(EntityTypeBuilder<ReviewSettings> builder)
    {
        builder.ToTable("review_settings");
        builder.HasKey(s => s.Id);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.RegionAgencyId).OnDelete(DeleteBehavior.Restrict);

        // One row per region: the admin page edits it in place.
        builder.HasIndex(s => s.RegionAgencyId).IsUnique();
        builder.Property(s => s.AnomalyZ).HasPrecision(6, 2);
        builder.Property(s => s.JumpRatio).HasPrecision(6, 2);
        builder.Property(s => s.RowVersion).IsRowVersion();
    }
}
