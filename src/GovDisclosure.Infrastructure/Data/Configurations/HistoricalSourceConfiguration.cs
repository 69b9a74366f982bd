using System.Text.Json;
using System.Text.Json.Serialization;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class HistoricalSourceConfiguration : IEntityTypeConfiguration<HistoricalSource>
{
    private static readonly JsonSerializerOptions FindingJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<HistoricalSource> builder)
    {
        builder.ToTable("historical_sources");
        builder.HasKey(s => s.Id);
        // One original per report, and one report per file: re-importing the same bytes finds them here.
        builder.HasIndex(s => s.ReportId).IsUnique();
        builder.HasIndex(s => s.Sha256).IsUnique();
        builder.HasOne(s => s.Report).WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.FileName).HasMaxLength(HistoricalSource.FileNameMaxLength).IsRequired();
        builder.Property(s => s.ContentType).HasMaxLength(128).IsRequired();
        builder.Property(s => s.Bytes).IsRequired();
        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(s => s.ImportedById).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ImportedByName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.ImportFindings)
            .HasConversion(
                v => JsonSerializer.Serialize(v, FindingJson),
                v => JsonSerializer.Deserialize<List<PublishedFinding>>(v, FindingJson) ?? new List<PublishedFinding>(),
                new ValueComparer<IReadOnlyList<PublishedFinding>>(
                    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && JsonSerializer.Serialize(a, FindingJson) == JsonSerializer.Serialize(b, FindingJson)),
                    v => v.Count,
                    v => v.ToList()))
            .HasColumnType("jsonb")
            .IsRequired();
    }
}
