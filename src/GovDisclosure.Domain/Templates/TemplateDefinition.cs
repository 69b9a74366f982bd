namespace GovDisclosure.Domain.Templates;

/// <summary>
/// One national template as data. Validators, importers, the HTML form and view, the PDF and the
/// exports all read this one definition, so a future template means one more definition, not five renderers.
/// </summary>
public sealed class TemplateDefinition
{
    private readonly Dictionary<string, CellDefinition> cellsByCode;
    private readonly Dictionary<string, SectionDefinition> sectionsByKey;

    /// <summary>A definition; public so that a new format (or a test's fictional one) is built as data, beside the two national ones.</summary>
    public TemplateDefinition(TemplateVersion version, string name, string basis, IReadOnlyList<SectionDefinition> sections, IReadOnlyList<SumRule> sums)
    {
        ArgumentException.ThrowIfNullOrEmpty(version.Key);
        if (version.Key.Length > TemplateCatalog.MaxKeyLength)
        {
            throw new ArgumentException($"A template key has at most {TemplateCatalog.MaxKeyLength} characters.", nameof(version));
        }

        Version = version;
        Name = name;
        Basis = basis;
        Sections = sections;
        Sums = sums;
        Cells = sections.SelectMany(s => s.Tables).SelectMany(t => t.Rows).SelectMany(r => r.Cells).ToList();
        cellsByCode = Cells.ToDictionary(c => c.Code, StringComparer.Ordinal);
        sectionsByKey = sections.ToDictionary(s => s.Key, StringComparer.Ordinal);
        Tables = sections.SelectMany(s => s.Tables).ToList();
    }

    public TemplateVersion Version { get; }

    /// <summary>The template's name in the interchange JSON (§12.4), e.g. "2021". Defaults to the key.</summary>
    public string InterchangeCode { get => interchangeCode ?? Version.Key; init => interchangeCode = value; }

    private readonly string? interchangeCode;

    /// <summary>How messages name the edition, e.g. 「2021年版」.</summary>
    public string Edition { get => edition ?? Name; init => edition = value; }

    private readonly string? edition;

    /// <summary>The first report year that uses this template; the catalogue picks by year.</summary>
    public int FirstYear { get; init; }

    /// <summary>The last report year that uses it; null while it is current.</summary>
    public int? LastYear { get; init; }

    /// <summary>The cell facts the rules compare; a rule without facts here does not apply.</summary>
    public TemplateRules Rules { get; init; } = TemplateRules.None;

    /// <summary>Cells taken over from last year's report when this year's is started, across a change of template too.</summary>
    public IReadOnlyList<CarryOver> CarryOvers { get; init; } = [];

    /// <summary>The public trend chart's lines.</summary>
    public IReadOnlyList<ChartSeries> ChartSeries { get; init; } = [];

    /// <summary>The comparative indicators (实质公开率 …) computed from this template's published cells.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    /// <summary>How an importer recognises and reads this template.</summary>
    public ImportCues Import { get; init; } = ImportCues.None;

    /// <summary>Display name, e.g. 「2021年版格式（国办公开办函〔2021〕30号）」.</summary>
    public string Name { get; }

    /// <summary>The document that issued the format.</summary>
    public string Basis { get; }

    /// <summary>The six sections in order 一 … 六.</summary>
    public IReadOnlyList<SectionDefinition> Sections { get; }

    /// <summary>Every statutory table in layout order.</summary>
    public IReadOnlyList<TableDefinition> Tables { get; }

    /// <summary>Every numeric cell in layout order.</summary>
    public IReadOnlyList<CellDefinition> Cells { get; }

    /// <summary>The totals that are sums of other cells (R3-C, R3-D, R4-A). Computed where blank.</summary>
    public IReadOnlyList<SumRule> Sums { get; }

    public CellDefinition Cell(string code) =>
        cellsByCode.TryGetValue(code, out var cell) ? cell : throw new KeyNotFoundException($"Template {Version} has no cell '{code}'.");

    public bool TryGetCell(string code, out CellDefinition cell) => cellsByCode.TryGetValue(code, out cell!);

    public bool HasCell(string code) => cellsByCode.ContainsKey(code);

    public SectionDefinition Section(string key) => sectionsByKey[key];

    public TableDefinition Table(string id) => Tables.Single(t => t.Id == id);

    /// <summary>The section a table belongs to.</summary>
    public SectionDefinition SectionOf(TableDefinition table) => Sections.First(s => s.Tables.Contains(table));

    /// <summary>True when the cell is the total of a sum rule (a row's 总计, （七）总计), not a part of one.</summary>
    public bool IsTotal(string code) => Sums.Any(s => s.Total == code);
}

/// <summary>A numbered section (一 … 六) with its narrative key and its tables.</summary>
/// <param name="Number">1 … 6.</param>
/// <param name="Key">The interchange key of the section's text (§12.4): overview, proactive, requests, appeals, problems, other.</param>
/// <param name="Heading">The canonical heading, e.g. 「三、收到和处理政府信息公开申请情况」.</param>
/// <param name="HeadingVariants">Other headings seen in the wild that mean this section.</param>
public sealed record SectionDefinition(int Number, string Key, string Heading, IReadOnlyList<string> HeadingVariants, IReadOnlyList<TableDefinition> Tables)
{
    /// <summary>The Chinese ordinal, e.g. 「三」.</summary>
    public string Ordinal => SectionKeys.Ordinals[Number - 1];
}

public static class SectionKeys
{
    public const string Overview = "overview";
    public const string Proactive = "proactive";
    public const string Requests = "requests";
    public const string Appeals = "appeals";
    public const string Problems = "problems";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Overview, Proactive, Requests, Appeals, Problems, Other];

    internal static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六"];
}

/// <summary>
/// One statutory table (or, in section 二, one 第二十条 sub-table) drawn exactly as the standard layout:
/// a grid of header rows and body rows whose cells carry text, a cell code, or both, with spans.
/// </summary>
/// <param name="Id">Stable id, e.g. "s2.art20.1", "s3", "s4".</param>
/// <param name="Caption">The caption row text, e.g. 「第二十条第（一）项」; null when the table has none.</param>
/// <param name="ColumnCount">Width of the grid in columns.</param>
/// <param name="HeaderRows">Header grid rows (repeated when a table continues on the next page).</param>
/// <param name="BodyRows">Body grid rows: row labels (with spans) and data cells.</param>
/// <param name="Rows">The data rows semantically: code, label, label variants, cells left to right.</param>
public sealed record TableDefinition(
    string Id,
    string? Caption,
    int ColumnCount,
    IReadOnlyList<GridRow> HeaderRows,
    IReadOnlyList<GridRow> BodyRows,
    IReadOnlyList<RowDefinition> Rows)
{
    /// <summary>Column headers of the data columns, left to right (after the row label columns).</summary>
    public IReadOnlyList<string> DataColumnLabels => Rows.Count == 0 ? [] : Rows[0].Cells.Select(c => c.ColumnLabel).ToList();
}

/// <summary>One row of the drawn grid.</summary>
public sealed record GridRow(IReadOnlyList<GridCell> Cells);

/// <summary>A drawn cell: a label (Text) or a data cell (CellCode), spanning columns and rows.</summary>
public sealed record GridCell(string? Text, string? CellCode = null, int ColSpan = 1, int RowSpan = 1)
{
    public bool IsData => CellCode is not null;
}

/// <summary>A data row of a table, as importers and validators see it.</summary>
/// <param name="Code">Row code (§12), e.g. "received", "withheld.3", "rules", "data".</param>
/// <param name="Label">The exact template label of the row's own label cell.</param>
/// <param name="GroupLabel">The merged group label over the row, e.g. 「（三）不予公开」; null if none.</param>
/// <param name="Aliases">Other spellings seen in real reports (compared after normalisation).</param>
/// <param name="Cells">The row's cells left to right.</param>
public sealed record RowDefinition(string Code, string Label, string? GroupLabel, IReadOnlyList<string> Aliases, IReadOnlyList<CellDefinition> Cells)
{
    public IEnumerable<string> AllLabels => Aliases.Prepend(Label);
}

/// <summary>A numeric cell.</summary>
/// <param name="Code">Canonical code (§12), e.g. "s3.withheld.3.natural".</param>
/// <param name="Kind">Count, signed count or amount in 万元.</param>
/// <param name="RowCode">The row code, e.g. "withheld.3".</param>
/// <param name="ColumnCode">The column code, e.g. "natural".</param>
/// <param name="RowName">How a person names the row, e.g. 「三（三）3 危及“三安全一稳定”」.</param>
/// <param name="ColumnLabel">The column header, e.g. 「自然人」.</param>
public sealed record CellDefinition(string Code, CellKind Kind, string RowCode, string ColumnCode, string RowName, string ColumnLabel)
{
    /// <summary>The accessible name of the cell's input and the name findings use, e.g. 「三（三）3 危及“三安全一稳定” — 自然人」.</summary>
    public string DisplayName => $"{RowName} — {ColumnLabel}";
}

/// <summary>A total that must equal the sum of its parts; computed when the total is blank.</summary>
/// <param name="RuleId">R3-C, R3-D or R4-A.</param>
public sealed record SumRule(string RuleId, string Total, IReadOnlyList<string> Parts);
