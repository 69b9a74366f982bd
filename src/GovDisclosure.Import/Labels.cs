using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

/// <summary>
/// Label comparison that ignores what extractions and typists vary: whitespace and line breaks, full- and
/// half-width brackets and digits, straight and curly quotes, 「、」/「，」 separators, 「1、」/「1．」 numbering.
/// </summary>
internal static partial class Labels
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '０' and <= '９' => (char)(raw - '０' + '0'),
                '（' or '〔' or '[' or '【' => '(',
                '）' or '〕' or ']' or '】' => ')',
                '，' or ',' or '、' => '、',
                '：' => ':',
                '．' or '。' when builder.Length > 0 && char.IsAsciiDigit(builder[^1]) => '.',
                '／' => '/',
                _ => raw,
            };
            if (char.IsWhiteSpace(c) || c is '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」' or '*' or '\u200b' or '\ufeff')
            {
                continue;
            }

            builder.Append(c);
        }

        var normalized = builder.ToString();

        // 「1、属于国家秘密」 and 「1.属于国家秘密」 are the same row.
        if (normalized.Length > 1 && char.IsAsciiDigit(normalized[0]))
        {
            normalized = NumberedWithComma().Replace(normalized, "$1.");
        }

        return normalized.TrimEnd(':');
    }

    [GeneratedRegex(@"^(\d{1,2})、")]
    private static partial Regex NumberedWithComma();
}

/// <summary>Recognises the six section headings, in the long and short forms seen in the wild.</summary>
internal static partial class Headings
{
    private static readonly (int Section, string[] Keywords)[] Keys =
    [
        (1, ["总体情况"]),
        (2, ["主动公开"]),
        (3, ["收到和处理", "依申请公开"]),
        (4, ["行政复议", "行政诉讼"]),
        (5, ["存在的主要问题", "改进情况"]),
        (6, ["其他需要报告"]),
    ];

    /// <summary>The section number (1 … 6) a line is the heading of, or null.</summary>
    public static int? SectionOf(string line)
    {
        var text = line.Trim().TrimStart('#', ' ', '*').Trim();
        if (text.Length is < 4 or > 40)
        {
            return null;
        }

        var match = Ordinal().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = "一二三四五六".IndexOf(match.Groups[1].Value[0], StringComparison.Ordinal) + 1;
        var rest = text[match.Length..];

        // Table 三's own row labels also start with 一、 … 四、; they are not headings.
        if (rest.StartsWith("本年", StringComparison.Ordinal) || rest.StartsWith("上年", StringComparison.Ordinal) || rest.StartsWith("结转", StringComparison.Ordinal))
        {
            return null;
        }

        return Keys[number - 1].Keywords.Any(k => rest.Contains(k, StringComparison.Ordinal)) ? number : null;
    }

    [GeneratedRegex(@"^([一二三四五六])\s*[、.．]\s*")]
    private static partial Regex Ordinal();
}

/// <summary>What a table label means: the data row it anchors, a header that says which templates it belongs to, or a header of a table without row labels.</summary>
/// <param name="RowKey">The anchored row (<see cref="RowKeys"/>), or null.</param>
/// <param name="Evidence">The templates whose header cues the label is, or null.</param>
/// <param name="HeaderOf">For a header of a table that has no row labels (table 四): that table's single row key.</param>
/// <param name="Group">For a group header of such a table (「行政复议」, 「行政诉讼 复议后起诉」): the data columns it spans.</param>
internal sealed record LabelMeaning(string? RowKey, IReadOnlyList<TemplateVersion>? Evidence, string? HeaderOf, ColumnSpan? Group = null);

/// <summary>Data columns <see cref="Offset"/> … <see cref="Offset"/> + <see cref="Width"/> − 1 of a row.</summary>
internal sealed record ColumnSpan(int Offset, int Width)
{
    public bool Contains(ColumnSpan other) => other.Offset >= Offset && other.Offset + other.Width <= Offset + Width;
}

/// <summary>A row's key across templates: its table's id and its row code, joined by a colon.</summary>
internal static class RowKeys
{
    public static string Of(TableDefinition table, RowDefinition row) => $"{table.Id}:{row.Code}";

    public static RowDefinition? Find(TemplateDefinition definition, string rowKey)
    {
        var split = rowKey.IndexOf(':', StringComparison.Ordinal);
        var (tableId, code) = (rowKey[..split], rowKey[(split + 1)..]);
        return definition.Tables.FirstOrDefault(t => t.Id == tableId)?.Rows.FirstOrDefault(r => r.Code == code);
    }

    /// <summary>A table whose single row has no label of its own (table 四): its values follow its header cells.</summary>
    public static bool IsHeaderAnchored(TableDefinition table) => table.Rows.Count == 1 && table.Rows[0].Label.Length == 0;
}

/// <summary>
/// Every row label and alias of a catalogue's templates, normalised, mapped to a row key; every header cue
/// mapped to the templates it is evidence for; the headers of tables without row labels. Built from the
/// definitions, so a new template's labels are recognised without touching the importer.
/// </summary>
internal sealed class LabelIndex
{
    private static readonly ConditionalWeakTable<TemplateCatalog, LabelIndex> Indexes = new();

    /// <summary>The longest label with a note appended; anything longer is prose, not a label.</summary>
    private const int MaxLabelLength = 80;

    private readonly Dictionary<string, LabelMeaning> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> headers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColumnSpan> groups = new(StringComparer.Ordinal);
    private readonly List<(string Marker, IReadOnlyList<TemplateVersion> Versions)> headerEvidence;
    private readonly (string Normalized, string RowKey)[] prefixes;

    private LabelIndex(TemplateCatalog catalog)
    {
        Catalog = catalog;
        foreach (var definition in catalog.All)
        {
            foreach (var table in definition.Tables)
            {
                if (RowKeys.IsHeaderAnchored(table))
                {
                    // 「总计」 heads every result group and many other columns: it is read as a header only right
                    // after another header of the table (see RowWalker).
                    foreach (var text in table.HeaderRows.SelectMany(r => r.Cells).Select(c => c.Text).OfType<string>().Select(Labels.Normalize))
                    {
                        if (text.Length > 0 && text != TotalHeader)
                        {
                            headers.TryAdd(text, RowKeys.Of(table, table.Rows[0]));
                        }
                    }

                    // Its group headers, and each nested one after its parent (「行政诉讼未经复议直接起诉」): a source may
                    // write each group as a table of its own under that header.
                    foreach (var (text, span) in HeaderGroups(table))
                    {
                        headers.TryAdd(text, RowKeys.Of(table, table.Rows[0]));
                        groups.TryAdd(text, span);
                    }

                    continue;
                }

                foreach (var row in table.Rows)
                {
                    foreach (var label in row.AllLabels)
                    {
                        // The 2019 format's single 「（六）其他处理」 row is a group header in the 2021 one: the key stays a row
                        // anchor, and a template without that row simply has no row under it.
                        exact.TryAdd(Labels.Normalize(label), new LabelMeaning(RowKeys.Of(table, row), null, null));
                    }
                }
            }
        }

        headerEvidence = catalog.All
            .SelectMany(d => d.Import.HeaderCues.Select(cue => (Marker: Labels.Normalize(cue), d.Version)))
            .GroupBy(x => x.Marker, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<TemplateVersion>)g.Select(x => x.Version).Distinct().ToList()))
            .ToList();
        prefixes = exact.Where(e => e.Value.RowKey is not null && e.Key.Length >= 6).Select(e => (e.Key, e.Value.RowKey!)).ToArray();
    }

    /// <summary>The normalised 「总计」, which closes table 四's header.</summary>
    public const string TotalHeader = "总计";

    public TemplateCatalog Catalog { get; }

    public static LabelIndex For(TemplateCatalog catalog) => Indexes.GetValue(catalog, c => new LabelIndex(c));

    public LabelMeaning? Find(string text)
    {
        if (text.Length > MaxLabelLength)
        {
            return null;
        }

        var key = Labels.Normalize(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (exact.TryGetValue(key, out var meaning))
        {
            return meaning;
        }

        if (headers.TryGetValue(key, out var headerOf))
        {
            return new LabelMeaning(null, null, headerOf, groups.GetValueOrDefault(key));
        }

        // Header evidence may carry a unit note: 「本年收费金额（单位：万元，保留4位小数）」.
        foreach (var (marker, versions) in headerEvidence)
        {
            if (key.StartsWith(marker, StringComparison.Ordinal))
            {
                return new LabelMeaning(null, versions, null);
            }
        }

        // A shortened label (「（二）部分公开」) or a long one with a note appended: accepted when exactly one
        // row label matches, and only for labels long enough not to be a word in a sentence.
        string? found = null;
        foreach (var (label, rowKey) in prefixes)
        {
            var matches = (key.Length >= 6 && label.StartsWith(key, StringComparison.Ordinal) && NumberedOrMarked(key))
                || (key.StartsWith(label, StringComparison.Ordinal) && key.Length - label.Length <= 30 && key[label.Length] == '(');
            if (!matches)
            {
                continue;
            }

            if (found is not null && found != rowKey)
            {
                return null;
            }

            found = rowKey;
        }

        return found is null ? null : new LabelMeaning(found, null, null);
    }

    /// <summary>
    /// The header cells of a label-less table that span some but not all of its data columns, laid out on the
    /// header grid (row and column spans), each with the columns it covers; a nested one also under its
    /// parent's text prefixed.
    /// </summary>
    private static IEnumerable<(string Text, ColumnSpan Span)> HeaderGroups(TableDefinition table)
    {
        var width = table.Rows[0].Cells.Count;
        var occupied = new Dictionary<(int Row, int Column), bool>();
        var placed = new List<(string Text, ColumnSpan Span, int Row)>();
        for (var r = 0; r < table.HeaderRows.Count; r++)
        {
            var column = 0;
            foreach (var cell in table.HeaderRows[r].Cells)
            {
                while (occupied.ContainsKey((r, column)))
                {
                    column++;
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        occupied[(r + dr, column + dc)] = true;
                    }
                }

                if (cell.Text is { } text && cell.ColSpan > 1 && cell.ColSpan < width)
                {
                    placed.Add((Labels.Normalize(text), new ColumnSpan(column, cell.ColSpan), r));
                }

                column += cell.ColSpan;
            }
        }

        foreach (var (text, span, row) in placed)
        {
            yield return (text, span);
            foreach (var parent in placed.Where(p => p.Row < row && p.Span.Contains(span) && p.Span != span))
            {
                yield return (parent.Text + text, span);
            }
        }
    }

    /// <summary>Only numbered labels (「5.要求…」, 「（二）…」, 「一、…」) are matched by prefix: prose rarely starts so.</summary>
    private static bool NumberedOrMarked(string key) =>
        key.Length > 2 && (char.IsAsciiDigit(key[0]) || key[0] == '(' || "一二三四".Contains(key[0], StringComparison.Ordinal));
}
