using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Reports;

/// <summary>The kinds of field a report's editor has: each is merged on its own.</summary>
public enum ContentFieldKind
{
    Title,
    Section,
    Cell,
    Explanation,
}

/// <summary>One field of a report's content: the title, a section's text, a cell, or the 说明 of a warning (by finding key).</summary>
public sealed record ContentField(ContentFieldKind Kind, string Key)
{
    public static readonly ContentField Title = new(ContentFieldKind.Title, string.Empty);

    /// <summary>The field as people name it: 报告标题, “（一）总体情况”正文, a cell's row and column, 警告说明.</summary>
    public string DisplayName(TemplateDefinition definition) => Kind switch
    {
        ContentFieldKind.Title => "报告标题",
        ContentFieldKind.Section => $"“{definition.Section(Key).Heading}”正文",
        ContentFieldKind.Cell => definition.HasCell(Key) ? definition.Cell(Key).DisplayName : Key,
        _ => "警告说明",
    };
}

/// <summary>What a report says as its editor shows it: the document (title, sections, cells) and the 说明 by finding key.</summary>
public sealed record ReportContent(ReportDocument Document, IReadOnlyDictionary<string, string> Explanations)
{
    /// <summary>The field's value as compared and shown: trimmed text, a cell in its canonical form, null for blank.</summary>
    public string? Value(ContentField field)
    {
        var text = field.Kind switch
        {
            ContentFieldKind.Title => Document.Title,
            ContentFieldKind.Section => Document.Sections.GetValueOrDefault(field.Key),
            ContentFieldKind.Cell => Document.Cells.Get(field.Key) is { } v && Document.Definition.TryGetCell(field.Key, out var cell)
                ? InterchangeJson.FormatValue(cell.Kind, v)
                : null,
            _ => Explanations.GetValueOrDefault(field.Key),
        };
        var normal = text is null ? null : Normalise(text);
        return string.IsNullOrEmpty(normal) ? null : normal;
    }

    internal IEnumerable<ContentField> Fields()
    {
        yield return ContentField.Title;
        foreach (var key in Document.Sections.Keys)
        {
            yield return new ContentField(ContentFieldKind.Section, key);
        }

        foreach (var (code, _) in Document.Cells)
        {
            yield return new ContentField(ContentFieldKind.Cell, code);
        }

        foreach (var key in Explanations.Keys)
        {
            yield return new ContentField(ContentFieldKind.Explanation, key);
        }
    }

    // Line endings and trailing spaces differ between browsers without changing what is said.
    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}

/// <summary>One field's value before and after (null = blank).</summary>
public sealed record FieldChange(ContentField Field, string? Old, string? New);

/// <summary>One field that differs from the version the user started from, with its three values (null = blank).</summary>
public sealed record MergedField(ContentField Field, string? Base, string? Theirs, string? Mine);

/// <summary>
/// Two people saved the same report from the same starting version: a three-way merge, field by field. A field
/// changed only by the other person is taken from them, one changed only by this user is kept, and one both changed
/// differently is a conflict, left as this user typed it and reported, so that nobody's text is overwritten silently.
/// </summary>
public sealed class ContentMerge
{
    private ContentMerge(ReportContent result, IReadOnlyList<MergedField> taken, IReadOnlyList<MergedField> kept, IReadOnlyList<MergedField> conflicts)
    {
        Result = result;
        TakenFromTheirs = taken;
        KeptMine = kept;
        Conflicts = conflicts;
    }

    /// <summary>The other person's content with this user's changes on top; a conflicting field holds this user's value.</summary>
    public ReportContent Result { get; }

    /// <summary>Fields only the other person changed: their value is in <see cref="Result"/>.</summary>
    public IReadOnlyList<MergedField> TakenFromTheirs { get; }

    /// <summary>Fields only this user changed.</summary>
    public IReadOnlyList<MergedField> KeptMine { get; }

    /// <summary>Fields both changed, to different values: the user must choose.</summary>
    public IReadOnlyList<MergedField> Conflicts { get; }

    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>
    /// Every field <paramref name="after"/> changes in <paramref name="before"/>, in the editor's order (old → new):
    /// what an import will do to a draft, shown before it is applied. A blank title is no change (the report keeps its own).
    /// </summary>
    public static IReadOnlyList<FieldChange> Changes(ReportContent before, ReportContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Fields().Concat(after.Fields()).Distinct().OrderBy(Order(after.Document.Definition))
            .Select(f => new FieldChange(f, before.Value(f), after.Value(f)))
            .Where(c => c.Old != c.New && !(c.Field.Kind == ContentFieldKind.Title && c.New is null))
            .ToList();
    }

    /// <param name="start">The content the user's editor was opened on.</param>
    /// <param name="theirs">The content saved since by someone else.</param>
    /// <param name="mine">What the user is saving now.</param>
    public static ContentMerge Of(ReportContent start, ReportContent theirs, ReportContent mine)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        var document = mine.Document.Clone();
        var explanations = new Dictionary<string, string>(mine.Explanations, StringComparer.Ordinal);
        List<MergedField> taken = [], kept = [], conflicts = [];
        var fields = start.Fields().Concat(theirs.Fields()).Concat(mine.Fields()).Distinct().OrderBy(Order(mine.Document.Definition));
        foreach (var field in fields)
        {
            var (b, t, m) = (start.Value(field), theirs.Value(field), mine.Value(field));
            if (t == m || t == b)
            {
                if (m != b)
                {
                    kept.Add(new MergedField(field, b, t, m));
                }

                continue;
            }

            if (m == b)
            {
                taken.Add(new MergedField(field, b, t, m));
                Take(field, theirs, document, explanations);
            }
            else
            {
                conflicts.Add(new MergedField(field, b, t, m));
            }
        }

        return new ContentMerge(new ReportContent(document, explanations), taken, kept, conflicts);
    }

    private static void Take(ContentField field, ReportContent theirs, ReportDocument document, Dictionary<string, string> explanations)
    {
        switch (field.Kind)
        {
            case ContentFieldKind.Title:
                document.Title = theirs.Document.Title;
                break;
            case ContentFieldKind.Section when theirs.Document.Sections.TryGetValue(field.Key, out var text):
                document.Sections[field.Key] = text;
                break;
            case ContentFieldKind.Section:
                document.Sections.Remove(field.Key);
                break;
            case ContentFieldKind.Cell:
                document.Cells.Set(field.Key, theirs.Document.Cells.Get(field.Key));
                break;
            case ContentFieldKind.Explanation when theirs.Explanations.TryGetValue(field.Key, out var note):
                explanations[field.Key] = note;
                break;
            default:
                explanations.Remove(field.Key);
                break;
        }
    }

    // In the order the editor shows them: title, sections and cells as the template lists them, then 说明.
    private static Func<ContentField, int> Order(TemplateDefinition definition)
    {
        var sections = definition.Sections.Select((s, i) => (s.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var cells = definition.Cells.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return f => f.Kind switch
        {
            ContentFieldKind.Title => 0,
            ContentFieldKind.Section => 1 + sections.GetValueOrDefault(f.Key, sections.Count),
            ContentFieldKind.Cell => 1_000 + cells.GetValueOrDefault(f.Key, cells.Count),
            _ => 100_000,
        };
    }
}
