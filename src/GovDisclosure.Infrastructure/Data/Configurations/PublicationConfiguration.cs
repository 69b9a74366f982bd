using System.Text.Json;
using System.Text.Json.Serialization;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    /// <summary>camelCase names and severities as words, so the stored findings read plainly in psql.</summary>
    private static readonly JsonSerializerOptions FindingJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.ToTable("publications");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.ReportId, p.Revision }).IsUnique();
        // With the time, so the on-time board finds each agency's first publication from the index alone.
        builder.HasIndex(p => new { p.Year, p.AgencyId }).IncludeProperties(p => p.PublishedAt);
        builder.HasIndex(p => p.PublishedAt);
        builder.HasOne(p => p.Report).WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GovDisclosure.Domain.Agencies.Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Template).IsTemplateKey();
        builder.Property(p => p.Title).HasMaxLength(AnnualReport.TitleMaxLength).IsRequired();
        builder.Property(p => p.AgencyName).HasMaxLength(GovDisclosure.Domain.Agencies.Agency.NameMaxLength).IsRequired();
        builder.Property(p => p.CorrectionReason).HasMaxLength(AnnualReport.ReasonMaxLength);
        builder.Property(p => p.Origin).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.PublishedById).HasMaxLength(450).IsRequired();
        builder.Property(p => p.PublishedByName).HasMaxLength(256).IsRequired();
        builder.Property(p => p.PdfSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        // Stored with STORAGE EXTERNAL (migration StoreFilesUncompressed; the model cannot say it): the PDF is compressed already.
        builder.Property(p => p.Pdf).IsRequired();
        // json, not jsonb: jsonb re-orders keys and drops layout, and the snapshot must read back byte for byte as published.
        builder.Property(p => p.InterchangeJson).HasColumnType("json").IsRequired();
        builder.Property(p => p.Explanations).IsJsonbDictionary<Dictionary<string, string>, string>();
        builder.Property(p => p.SearchText).IsRequired();

        // Null marks a revision published before findings were stored (gd db backfill-findings fills it).
        builder.Property(p => p.Findings)
            .HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, FindingJson),
                v => v == null ? null : JsonSerializer.Deserialize<List<PublishedFinding>>(v, FindingJson),
                new ValueComparer<IReadOnlyList<PublishedFinding>?>(
                    (a, b) => ReferenceEquals(a, b) || (a != null && b != null && JsonSerializer.Serialize(a, FindingJson) == JsonSerializer.Serialize(b, FindingJson)),
                    v => v == null ? 0 : v.Count,
                    v => v == null ? null : v.ToList()))
            .HasColumnType("jsonb");

        // Chinese has no spaces: trigram substring search over agency, title and text.
        builder.HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");

        builder.OwnsMany(p => p.Cells, cells =>
        {
            cells.ToTable("publication_cells");
            cells.WithOwner().HasForeignKey("PublicationId");
            cells.Property<int>("Id");
            cells.HasKey("Id");
            cells.Property(c => c.Code).HasMaxLength(48).IsRequired();
            cells.Property(c => c.Value).HasPrecision(18, 4);
            cells.HasIndex("PublicationId", nameof(PublicationCell.Code)).IsUnique();
        });

        // EF reads the cells into the field and never inserts them: a new publication's cells are one INSERT … unnest
        // written by PublicRecordWriter in the same transaction (about 200 rows, which EF would insert one by one).
        builder.Navigation(p => p.Cells).HasField("storedCells").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
