using GovDisclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

internal sealed class AgencyLinkConfiguration : IEntityTypeConfiguration<AgencyLink>
{
    public void Configure(EntityTypeBuilder<AgencyLink> builder)
    {
        builder.ToTable("agency_links", t => t.HasCheckConstraint("CK_agency_links_not_self", "\"PredecessorId\" <> \"SuccessorId\""));
        builder.HasKey(l => l.Id);
        builder.HasOne(l => l.Predecessor).WithMany().HasForeignKey(l => l.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Successor).WithMany().HasForeignKey(l => l.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.EffectiveOn);

        // One link per pair; the successor's page looks its predecessors up by SuccessorId (the unique index serves the other side).
        builder.HasIndex(l => new { l.PredecessorId, l.SuccessorId }).IsUnique();
        builder.HasIndex(l => l.SuccessorId);
    }
}
