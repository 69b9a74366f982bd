namespace GovDisclosure.Domain.Import;

/// <summary>
/// One line of a source document after its format has been read: either a paragraph of prose (headings,
/// narrative) or the cells of one table row (a tab-separated line, a Markdown pipe row, an HTML tr, or a
/// single cell of a Word extraction that puts one cell per line). The placement engine sees only these, so
/// every format is placed by the same rules.
/// </summary>
internal sealed record SourceLine(string? Paragraph, IReadOnlyList<string>? Cells)
{
    public static SourceLine Prose(string text) => new(text, null);

    public static SourceLine Row(IReadOnlyList<string> cells) => new(null, cells);

    public bool IsProse => Paragraph is not null;
}
