using GovDisclosure.Domain.Templates;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovDisclosure.Infrastructure.Data.Configurations;

/// <summary>
/// A template key is stored as its string, exactly as the former enum member names were, so existing
/// databases read unchanged and a new definition's key needs no migration.
/// </summary>
internal static class TemplateVersionColumn
{
    private static readonly ValueConverter<TemplateVersion, string> Converter = new(v => v.Key, s => new TemplateVersion(s));

    public static PropertyBuilder<TemplateVersion> IsTemplateKey(this PropertyBuilder<TemplateVersion> property) =>
        property.HasConversion(Converter).HasMaxLength(TemplateCatalog.MaxKeyLength);
}
