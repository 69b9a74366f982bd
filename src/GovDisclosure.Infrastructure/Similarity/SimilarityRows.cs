using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Similarity;

/// <summary>
/// One indexed section (decisions/0007): its source, its sorted distinct shingles and its MinHash signature, both as
/// int4[] (the uint hashes bit for bit). Mapped so the model and the migration agree; read and written by
/// <see cref="PostgresSimilarityStore"/> in SQL, because the lookups are array and band queries EF does not express.
/// </summary>
internal sealed class SimilaritySectionRow
{
    public const int SectionKeyMaxLength = 32;
    public const int StatusMaxLength = 16;

    public long Id { get; set; }

    public int ReportId { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    public string SectionKey { get; set; } = string.Empty;

    /// <summary>Published or Submitted (SourceStatus).</summary>
    public string Status { get; set; } = string.Empty;

    public int FormatVersion { get; set; }

    public int ShingleCount { get; set; }

    public int[] Shingles { get; set; } = [];

    public int[] Signature { get; set; } = [];
}

/// <summary>(band hash → section): about 64 rows a section; the primary key is the index a check looks up.</summary>
internal sealed class SimilarityBandRow
{
    public long Hash { get; set; }

    public long SectionId { get; set; }
}

/// <summary>How many indexed entries hold a shingle: document frequency, for habitual boilerplate.</summary>
internal sealed class SimilarityShingleRow
{
    public int Shingle { get; set; }

    /// <summary>Which of the shingle's rows (<see cref="PostgresSimilarityStore.ShingleShardOf"/>): readers sum them, and one row may be negative.</summary>
    public short Shard { get; set; }

    public int Reports { get; set; }
}

internal sealed class SimilaritySectionConfiguration : IEntityTypeConfiguration<SimilaritySectionRow>
{
    public void Configure(EntityTypeBuilder<SimilaritySectionRow> builder)
    {
        builder.ToTable("similarity_sections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SectionKey).HasMaxLength(SimilaritySectionRow.SectionKeyMaxLength);
        builder.Property(s => s.Status).HasMaxLength(SimilaritySectionRow.StatusMaxLength);

        // A report's rows go with it; an agency with indexed reports is not deleted anyway (reports restrict it).
        builder.HasOne<AnnualReport>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);

        // The agency's own sections are always compared (SimilarityIndex.Check); its reports are found by this index.
        builder.HasIndex(s => s.AgencyId);
    }
}

internal sealed class SimilarityBandConfiguration : IEntityTypeConfiguration<SimilarityBandRow>
{
    public void Configure(EntityTypeBuilder<SimilarityBandRow> builder)
    {
        builder.ToTable("similarity_bands");
        builder.HasKey(b => new { b.Hash, b.SectionId });
        builder.HasOne<SimilaritySectionRow>().WithMany().HasForeignKey(b => b.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SimilarityShingleConfiguration : IEntityTypeConfiguration<SimilarityShingleRow>
{
    public void Configure(EntityTypeBuilder<SimilarityShingleRow> builder)
    {
        builder.ToTable("similarity_shingles");

        // Each indexed report adds 1 to about a thousand of these counts, the boilerplate's the same rows every time:
        // half-full pages keep those updates HOT (no index entry per update), as for the region rollup.
        builder.HasStorageParameter("fillfactor", PublicRecordWriter.RollupFillFactor);
        builder.HasKey(s => new { s.Shingle, s.Shard });
        builder.Property(s => s.Shingle).ValueGeneratedNever();
    }
}
