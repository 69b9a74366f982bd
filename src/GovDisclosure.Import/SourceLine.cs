namespace GovDisclosure.Import;

/// <summary>
/// One line of a source document after its format has been read: either a paragraph of prose (headings,
/// narrative) or the cells of one table row (a tab-separated line, a Markdown pipe row, an HTML tr, or a
/// single cell of a Word extraction that puts one cell per line). The placement engine sees only these, so
/// every format is placed by the same rules.
/// </summary>
/// <param name="SoftTail">
/// How many of the last cells are empty fields after the row's last value. A tab-separated extraction ends
/// many rows with tabs, so such a field may be a blank cell (a 总计 left empty) or nothing at all.
/// </param>
internal sealed record SourceLine(string? Paragraph, IReadOnlyList<string>? Cells, int SoftTail = 0)
{
    public static SourceLine Prose(string text) => new(text, null);

    public static SourceLine Row(IReadOnlyList<string> cells, int softTail = 0) => new(null, cells, softTail);

    public bool IsProse => Paragraph is not null;
}
