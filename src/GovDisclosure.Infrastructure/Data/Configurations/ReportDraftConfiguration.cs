using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class ReportDraftConfiguration : IEntityTypeConfiguration<ReportDraft>
{
    public void Configure(EntityTypeBuilder<ReportDraft> builder)
    {
        builder.ToTable("report_drafts");

        // One draft per report and user: a later 暂存 replaces the earlier one.
        builder.HasKey(d => new { d.ReportId, d.UserId });
        builder.HasOne<AnnualReport>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.UserName).HasMaxLength(256).IsRequired();
        builder.Property(d => d.BaseRowVersion).HasConversion<long>();
        builder.Property(d => d.Fields).IsJsonbDictionary<IReadOnlyDictionary<string, string>, string>();
    }
}
