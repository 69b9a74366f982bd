using System.ComponentModel;
using System.Globalization;

namespace GovDisclosure.Domain.Templates;

/// <summary>
/// A template's identity: an open key, so a third definition needs no new enum member. The key is what the
/// database stores ("T2019", "T2021"); the interchange JSON uses the definition's <see cref="TemplateDefinition.InterchangeCode"/>.
/// </summary>
[TypeConverter(typeof(TemplateVersionConverter))]
public readonly record struct TemplateVersion(string Key)
{
    /// <summary>国办公开办函〔2019〕60号, used for the 2019 and 2020 reports.</summary>
    public static TemplateVersion T2019 { get; } = new("T2019");

    /// <summary>国办公开办函〔2021〕30号, used from the 2021 report on.</summary>
    public static TemplateVersion T2021 { get; } = new("T2021");

    public override string ToString() => Key ?? string.Empty;
}

/// <summary>The default catalogue's answers, for callers that hold no catalogue of their own.</summary>
public static class TemplateVersions
{
    /// <summary>The template is chosen by the report year, never by the publication date (§1).</summary>
    public static TemplateVersion ForYear(int reportYear) => TemplateCatalog.Default.ForYear(reportYear).Version;

    /// <summary>The interchange name of a version, e.g. "2021" (§12.4).</summary>
    public static string Code(this TemplateVersion version) => TemplateCatalog.Default.Get(version).InterchangeCode;

    public static bool TryParse(string? code, out TemplateVersion version)
    {
        var found = TemplateCatalog.Default.TryParse(code, out var definition);
        version = found ? definition.Version : default;
        return found;
    }
}

/// <summary>Lets a query string or form field ("T2021" or "2021") bind to a version; an unknown one is a binding error, not a 500.</summary>
public sealed class TemplateVersionConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? TemplateVersions.TryParse(text, out var version) ? version : throw new FormatException($"未知的报告格式：{text}")
            : base.ConvertFrom(context, culture, value);
}
