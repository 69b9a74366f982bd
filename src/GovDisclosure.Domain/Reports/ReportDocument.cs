using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Reports;

/// <summary>
/// One annual report as data (the interchange document of report-templates.md §12.4): template, year,
/// agency, title, the six sections' text and the cells the agency wrote, by canonical code.
/// A blank cell is absent from <see cref="Cells"/>; it is never 0. A cell an importer could not read is
/// <see cref="ReportCells.IsUnknown">unknown</see>: absent too, but the rules do not count it as 0.
/// </summary>
public sealed class ReportDocument
{
    /// <summary>A report in one of the default catalogue's templates.</summary>
    public ReportDocument(TemplateVersion template, int year, string agency, string title)
        : this(TemplateCatalog.Default.Get(template), year, agency, title)
    {
    }

    /// <summary>A report in any template, e.g. one from a catalogue with a definition of its own.</summary>
    public ReportDocument(TemplateDefinition definition, int year, string agency, string title)
    {
        Definition = definition;
        Year = year;
        Agency = agency;
        Title = title;
    }

    /// <summary>The template's key; setting it picks the default catalogue's definition (set <see cref="Definition"/> for another one).</summary>
    public TemplateVersion Template
    {
        get => Definition.Version;
        set => Definition = TemplateCatalog.Default.Get(value);
    }

    public int Year { get; set; }

    public string Agency { get; set; }

    public string Title { get; set; }

    /// <summary>The template the report is written in: every reader (rules, form, PDF, exports) reads its layout from here.</summary>
    public TemplateDefinition Definition { get; set; }

    /// <summary>Narrative text by section key (<see cref="SectionKeys"/>). Missing key = no text.</summary>
    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>The values the agency wrote, by cell code. Counts are whole numbers; amounts are 万元.</summary>
    public ReportCells Cells { get; } = new();

    public string SectionText(string key) => Sections.TryGetValue(key, out var text) ? text : string.Empty;

    public ReportDocument Clone()
    {
        var copy = new ReportDocument(Definition, Year, Agency, Title);
        foreach (var (key, text) in Sections)
        {
            copy.Sections[key] = text;
        }

        foreach (var (code, value) in Cells)
        {
            copy.Cells[code] = value;
        }

        foreach (var code in Cells.Unknown)
        {
            copy.Cells.MarkUnknown(code);
        }

        return copy;
    }
}

/// <summary>
/// Cell values by code. Absent means blank, unless the cell is marked unknown: the source had a value
/// there that the importer refused (a row it could not place, a table it did not find). A blank counts as
/// 0 in the rules; an unknown cell makes the rules that need it say they could not check.
/// </summary>
public sealed class ReportCells : IEnumerable<KeyValuePair<string, decimal>>
{
    private readonly Dictionary<string, decimal> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> unknown = new(StringComparer.Ordinal);

    public int Count => values.Count;

    public decimal this[string code]
    {
        get => values[code];
        set
        {
            values[code] = value;
            unknown.Remove(code);
        }
    }

    /// <summary>Cells whose value the source had but the importer could not read; never written cells.</summary>
    public IReadOnlyCollection<string> Unknown => unknown;

    public bool IsUnknown(string code) => unknown.Contains(code);

    /// <summary>Marks a cell as not read: it has no value, and it is not a blank either.</summary>
    public void MarkUnknown(string code)
    {
        values.Remove(code);
        unknown.Add(code);
    }

    public decimal? Get(string code) => values.TryGetValue(code, out var v) ? v : null;

    public bool IsBlank(string code) => !values.ContainsKey(code);

    public void Set(string code, decimal? value)
    {
        unknown.Remove(code);
        if (value is null)
        {
            values.Remove(code);
        }
        else
        {
            values[code] = value.Value;
        }
    }

    public bool Remove(string code) => values.Remove(code);

    public IEnumerator<KeyValuePair<string, decimal>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
