using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("reports");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.AgencyId, r.Year }).IsUnique();
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingYear>().WithMany().HasForeignKey(r => r.Year).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Template).IsTemplateKey();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Origin).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Title).HasMaxLength(AnnualReport.TitleMaxLength).IsRequired();
        builder.Property(r => r.CorrectionReason).HasMaxLength(AnnualReport.ReasonMaxLength);
        builder.Property(r => r.SubmittedById).HasMaxLength(450);
        builder.Property(r => r.ApprovedById).HasMaxLength(450);

        // The working content is one document; jsonb keeps a save to one row and one version check.
        builder.Property(r => r.Cells).HasField("cells").UsePropertyAccessMode(PropertyAccessMode.Field).IsJsonbDictionary<IReadOnlyDictionary<string, decimal>, decimal>();
        builder.Property(r => r.Sections).HasField("sections").UsePropertyAccessMode(PropertyAccessMode.Field).IsJsonbDictionary<IReadOnlyDictionary<string, string>, string>();
        builder.Property(r => r.Explanations).HasField("explanations").UsePropertyAccessMode(PropertyAccessMode.Field).IsJsonbDictionary<IReadOnlyDictionary<string, string>, string>();
        builder.Property(r => r.CarriedValues).HasField("carriedValues").UsePropertyAccessMode(PropertyAccessMode.Field).IsJsonbDictionary<IReadOnlyDictionary<string, decimal>, decimal>();
        builder.Property(r => r.UnknownCells).HasField("unknownCells").UsePropertyAccessMode(PropertyAccessMode.Field).IsJsonbSet();

        // The chain snapshot is a short "Scope|Name;…" string: empty means the default single level.
        builder.Property<string>("approvalChain").HasColumnName("ApprovalChain").HasMaxLength(ApprovalChainConfiguration.EncodedMaxLength).IsRequired();
        builder.Ignore(r => r.ApprovalLevels);
        builder.Ignore(r => r.PendingLevel);
        builder.Ignore(r => r.ApprovalStatus);

        builder.Property(r => r.RowVersion).IsRowVersion();

        builder.HasMany(r => r.AuditTrail).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.AuditTrail).HasField("auditTrail").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
