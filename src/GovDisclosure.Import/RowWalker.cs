using System.Globalization;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

internal enum TokenKind
{
    Blank,
    Number,
    Anchor,
    Text,
}

/// <summary>One cell or paragraph of the tables, classified.</summary>
/// <param name="Soft">An empty field a row's line ends with: a blank cell, or only a trailing tab.</param>
/// <param name="Alone">The only cell of its source line (a Word extraction that writes one cell per line).</param>
internal sealed record Token(TokenKind Kind, string Text, int Line, CellValue? Value, LabelMeaning? Meaning, bool Soft = false, bool Alone = false);

/// <summary>A row label (or a label-less table's header) and the tokens after it.</summary>
internal sealed class Run(string rowKey, string label, int line, MoneyUnit headerUnit, bool headerAnchored = false)
{
    public string RowKey { get; } = rowKey;

    public string Label { get; } = label;

    public int Line { get; } = line;

    public MoneyUnit HeaderUnit { get; } = headerUnit;

    /// <summary>Opened by a table's header cells rather than by a row label.</summary>
    public bool HeaderAnchored { get; } = headerAnchored;

    public List<Token> Tokens { get; } = [];

    /// <summary>For a run under one group header of a label-less table (table 四 written as three small tables): its columns.</summary>
    public ColumnSpan? Group { get; init; }

    public bool HasNumbers => Tokens.Any(t => t.Kind == TokenKind.Number);
}

/// <summary>
/// Reads the tables as a stream of cells in which the row labels are anchors: the values after a label belong
/// to that row, whatever line breaks, tabs, merged label cells or repeated headers the source has around them.
/// </summary>
internal sealed class RowWalker(LabelIndex labels)
{
    public Token Classify(string text, int line)
    {
        // Most cells are empty or a plain count: skip the general parsers for them.
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Token(TokenKind.Blank, text, line, null, null);
        }

        if (text.Length <= 9 && text.All(char.IsAsciiDigit))
        {
            return new Token(TokenKind.Number, text, line, new CellValue(decimal.Parse(text, CultureInfo.InvariantCulture), MoneyUnit.None, text), null);
        }

        if (ValueParser.IsBlank(text))
        {
            return new Token(TokenKind.Blank, text, line, null, null);
        }

        if (ValueParser.TryParse(text, out var value))
        {
            return new Token(TokenKind.Number, text, line, value, null);
        }

        var meaning = labels.Find(text);
        return meaning?.RowKey is not null
            ? new Token(TokenKind.Anchor, text.Trim(), line, null, meaning)
            : new Token(TokenKind.Text, text.Trim(), line, null, meaning);
    }

    /// <summary>
    /// A paragraph in the tables, classified; one that is no label as a whole but ends with one after a space
    /// (a converter's 「三、本年度办理结果 （一）予以公开」, a merged label cell joined to the row's own) is that
    /// text followed by that label, so the label still anchors the values under it.
    /// </summary>
    public IEnumerable<Token> ClassifyParagraph(string text, int line)
    {
        var token = Classify(text, line);
        if (token.Kind != TokenKind.Text || token.Meaning is not null || text.Length > 80)
        {
            return [token];
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var k = 1; k < parts.Length; k++)
        {
            var label = Classify(string.Join(' ', parts[k..]), line);
            if (label.Kind == TokenKind.Anchor)
            {
                return [Classify(string.Join(' ', parts[..k]), line), label];
            }
        }

        return [token];
    }

    /// <summary>A line with a row label or a template's header cue: the tables begin here when the source has no section headings.</summary>
    public bool StartsTable(SourceLine line) =>
        (line.Cells ?? [line.Paragraph!]).Any(c => !IsProse(c) && labels.Find(c) is { } m && (m.RowKey is not null || m.Evidence is not null));

    /// <summary>Narrative around the tables: a sentence, not a label.</summary>
    public static bool IsProse(string text) => text.Length >= 20 && (text.Contains('。', StringComparison.Ordinal) || text.Contains('；', StringComparison.Ordinal));

    /// <summary>
    /// Groups the tokens into runs: the values after a row label (or after the headers of a table without row
    /// labels) until the next label. Numbers outside any run are orphans, kept with what preceded them.
    /// </summary>
    public static (List<Run> Runs, List<(Token Token, string Context)> Orphans) Walk(List<(Token Token, int Section)> tokens, TemplateCatalog catalog)
    {
        var runs = new List<Run>();
        var orphans = new List<(Token, string)>();
        Run? current = null;
        var context = "表格开头";
        var headerUnit = MoneyUnit.None;
        string? afterHeader = null;

        // Group headers seen since the last value: one group (or nested ones) heads a small table of its own.
        var groups = new List<ColumnSpan>();
        var headerAfterGroup = false;

        void Close()
        {
            if (current is not null)
            {
                runs.Add(current);
                current = null;
            }
        }

        foreach (var (token, _) in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Anchor:
                    Close();
                    afterHeader = null;
                    current = new Run(token.Meaning!.RowKey!, token.Text, token.Line, headerUnit);
                    context = token.Text;
                    break;
                case TokenKind.Text:
                    Close();
                    context = token.Text;
                    if (token.Text.Contains("第二十条", StringComparison.Ordinal))
                    {
                        headerUnit = MoneyUnit.None;
                    }

                    if (token.Text.Contains("金额", StringComparison.Ordinal))
                    {
                        headerUnit = ValueParser.UnitOfHeader(token.Text);
                    }

                    // Table 四 has no row label: its values follow the last header cell (「总计」 included).
                    var headerOf = token.Meaning?.HeaderOf ?? (afterHeader is not null && Labels.Normalize(token.Text) == LabelIndex.TotalHeader ? afterHeader : null);
                    afterHeader = headerOf;
                    if (token.Meaning?.Group is { } group)
                    {
                        // A group after result headers heads the next small table (or is a sibling in a full header).
                        if (headerAfterGroup)
                        {
                            groups.Clear();
                            headerAfterGroup = false;
                        }

                        groups.Add(group);
                    }
                    else if (headerOf is not null)
                    {
                        headerAfterGroup = true;
                    }

                    if (headerOf is not null)
                    {
                        current = new Run(headerOf, HeadingOf(catalog, headerOf), token.Line, MoneyUnit.None, headerAnchored: true) { Group = SingleGroup(groups) };
                    }

                    break;
                case TokenKind.Blank:
                    current?.Tokens.Add(token);
                    break;
                case TokenKind.Number:
                    groups.Clear();
                    if (current is not null)
                    {
                        current.Tokens.Add(token);
                    }
                    else
                    {
                        orphans.Add((token, context));
                    }

                    break;
            }
        }

        Close();

        // Header runs of table 四 that carry no values are only headers.
        runs.RemoveAll(r => r.HeaderAnchored && !r.HasNumbers);
        return (runs, orphans);
    }

    /// <summary>The innermost of the groups when each lies within the one before it; null when siblings (a full header) were seen.</summary>
    private static ColumnSpan? SingleGroup(List<ColumnSpan> groups)
    {
        for (var i = 1; i < groups.Count; i++)
        {
            if (!groups[i - 1].Contains(groups[i]))
            {
                return null;
            }
        }

        return groups.Count == 0 ? null : groups[^1];
    }

    /// <summary>The heading of the section whose header-anchored table a row key names, as findings name the run.</summary>
    private static string HeadingOf(TemplateCatalog catalog, string rowKey) =>
        catalog.All.Select(d => (d, Row: RowKeys.Find(d, rowKey))).Where(x => x.Row is not null)
            .Select(x => ValuePlacer.RowName(x.d, x.Row!)).First();

}
