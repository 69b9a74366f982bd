using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.CellCode).HasMaxLength(48);
        // Whole section texts and 说明 (migration AuditFullText), not only cell values.
        builder.Property(a => a.OldValue);
        builder.Property(a => a.NewValue);
        builder.Property(a => a.Detail).IsRequired();
        builder.HasIndex(a => new { a.ReportId, a.At });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.AgencyId, a.At });
    }
}
