using GovDisclosure.Infrastructure.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

/// <summary>The public record (decisions/0010): written by <see cref="PublicRecordWriter"/> in the publication's transaction.</summary>
internal sealed class PublicReportPageConfiguration : IEntityTypeConfiguration<PublicReportPageRow>
{
    public void Configure(EntityTypeBuilder<PublicReportPageRow> builder)
    {
        builder.ToTable("public_report_pages");
        builder.HasKey(p => p.ReportId);
        builder.Property(p => p.ReportId).ValueGeneratedNever();
        builder.Property(p => p.Template).IsTemplateKey();

        // json, not jsonb: it is read back whole on every uncached page view, and json is returned as stored.
        builder.Property(p => p.Content).HasColumnType("json").IsRequired();
        builder.HasOne<GovDisclosure.Domain.Workflow.AnnualReport>().WithOne().HasForeignKey<PublicReportPageRow>(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GovDisclosure.Domain.Workflow.Publication>().WithMany().HasForeignKey(p => p.PublicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PublicationId).IsUnique();
    }
}

internal sealed class RegionCellTotalConfiguration : IEntityTypeConfiguration<RegionCellTotal>
{
    public void Configure(EntityTypeBuilder<RegionCellTotal> builder)
    {
        builder.ToTable("region_cell_totals");

        // Every publication updates hundreds of these rows in place; pages half full keep the new versions on the same
        // page (HOT), so an update writes no index entry (measured: 4 % HOT at the default 100, 99.7 % at 50).
        builder.HasStorageParameter("fillfactor", PublicRecordWriter.RollupFillFactor);

        // A summary is one range of this key (the shards of a cell side by side); no foreign key, since region 0 is the whole portal.
        builder.HasKey(t => new { t.RegionId, t.Year, t.Template, t.Code, t.Shard });
        builder.Property(t => t.Template).IsTemplateKey();
        builder.Property(t => t.Code).HasMaxLength(48);
        builder.Property(t => t.Total).HasPrecision(24, 4);
    }
}

internal sealed class RegionReportCountConfiguration : IEntityTypeConfiguration<RegionReportCount>
{
    public void Configure(EntityTypeBuilder<RegionReportCount> builder)
    {
        builder.ToTable("region_report_counts");
        builder.HasStorageParameter("fillfactor", PublicRecordWriter.RollupFillFactor);
        builder.HasKey(t => new { t.RegionId, t.Year, t.Template, t.Shard });
        builder.Property(t => t.Template).IsTemplateKey();
    }
}

internal sealed class RegionFirstPublicationConfiguration : IEntityTypeConfiguration<RegionFirstPublication>
{
    public void Configure(EntityTypeBuilder<RegionFirstPublication> builder)
    {
        builder.ToTable("region_first_publications");

        // Every first publication adds 1 to its regions' rows of the day: updated in place, as the rollup.
        builder.HasStorageParameter("fillfactor", PublicRecordWriter.RollupFillFactor);

        // The board reads one key range per region and year; no foreign key, since region 0 is the whole portal.
        builder.HasKey(t => new { t.RegionId, t.Year, t.Kind, t.PublishedOn, t.Shard });
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(24);
    }
}
