using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("review_comments");
        builder.HasKey(c => c.Id);
        builder.HasOne(c => c.Report).WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ReportId, c.Revision });
        builder.Property(c => c.SectionKey).HasMaxLength(16);
        builder.Property(c => c.CellCode).HasMaxLength(48);
        builder.Property(c => c.Text).HasMaxLength(ReviewComment.TextMaxLength).IsRequired();
        builder.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.AuthorName).HasMaxLength(256).IsRequired();
    }
}
