namespace GovDisclosure.Domain.Templates;

/// <summary>
/// The template definitions a deployment knows, and which one a report year uses. An instance, so a test (or
/// a future format) can bring a catalogue with one more definition; <see cref="Default"/> holds the two
/// national formats.
/// </summary>
public sealed class TemplateCatalog
{
    /// <summary>The longest template key the database column holds.</summary>
    public const int MaxKeyLength = 8;

    private readonly Dictionary<TemplateVersion, TemplateDefinition> byVersion;

    public TemplateCatalog(IEnumerable<TemplateDefinition> definitions)
    {
        All = definitions.OrderBy(d => d.FirstYear).ToList();
        if (All.Count == 0)
        {
            throw new ArgumentException("A catalogue needs at least one template.", nameof(definitions));
        }

        byVersion = All.ToDictionary(d => d.Version);
    }

    /// <summary>T2019 and T2021 (report-templates.md §1).</summary>
    public static TemplateCatalog Default { get; } = new([ReportTemplates.T2019, ReportTemplates.T2021]);

    /// <summary>Every definition, oldest first.</summary>
    public IReadOnlyList<TemplateDefinition> All { get; }

    /// <summary>The newest definition: the guess when nothing says which one a document uses.</summary>
    public TemplateDefinition Newest => All[^1];

    public TemplateDefinition Get(TemplateVersion version) =>
        byVersion.TryGetValue(version, out var definition) ? definition : throw new KeyNotFoundException($"No template '{version}' in the catalogue.");

    public bool Contains(TemplateVersion version) => byVersion.ContainsKey(version);

    /// <summary>
    /// The template is chosen by the report year, never by the publication date (§1): the newest definition
    /// whose first year is not after it; years before the first definition use the oldest.
    /// </summary>
    public TemplateDefinition ForYear(int reportYear) =>
        All.LastOrDefault(d => d.FirstYear <= reportYear && (d.LastYear is null || reportYear <= d.LastYear)) ?? All[0];

    /// <summary>Finds a definition by its interchange code ("2021") or its key ("T2021"), ignoring case.</summary>
    public bool TryParse(string? code, out TemplateDefinition definition)
    {
        var text = code?.Trim();
        definition = All.FirstOrDefault(d => string.Equals(d.InterchangeCode, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Version.Key, text, StringComparison.OrdinalIgnoreCase))!;
        return definition is not null;
    }
}
