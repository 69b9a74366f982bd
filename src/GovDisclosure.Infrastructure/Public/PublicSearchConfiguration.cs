using GovDisclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>
/// The public site's one addition to the agency table: a trigram index for substring search on the name
/// (migration 20261130000000_PublicAgencySearch). Kept beside the public queries that need it, so the
/// agency configuration stays about the aggregate itself.
/// </summary>
internal sealed class PublicSearchConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder) =>
        builder.HasIndex(a => a.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
}
