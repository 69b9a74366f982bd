namespace GovDisclosure.Domain.Workflow;

/// <summary>
/// 暂存: what one user typed into one report's editor and has not (or could not) save, kept on the server so it
/// can be taken up on another device. It is not the report: no rule checks it, no reviewer and no visitor reads it,
/// and submitting never looks at it. Fields are keyed by the editor's own names (title, sections, cells, 说明).
/// </summary>
public sealed class ReportDraft
{
    public const int MaxFields = 1000;

    public const int FieldKeyMaxLength = 2000;

    /// <summary>The longest text a field may carry (a section's text is the longest the editor accepts).</summary>
    public const int FieldValueMaxLength = AnnualReport.SectionTextMaxLength;

    private ReportDraft()
    {
    }

    public ReportDraft(int reportId, Actor author, uint baseRowVersion, int baseRevision, IReadOnlyDictionary<string, string> fields, DateTimeOffset at)
    {
        ReportId = reportId;
        UserId = author.UserId;
        Keep(author, baseRowVersion, baseRevision, fields, at);
    }

    public int ReportId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string UserName { get; private set; } = string.Empty;

    /// <summary>The report's row version the typing started from: restoring the draft saves on top of that one, so a later save by someone else is noticed.</summary>
    public uint BaseRowVersion { get; private set; }

    public int BaseRevision { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Replaces what was kept with what is on the page now.</summary>
    public void Keep(Actor author, uint baseRowVersion, int baseRevision, IReadOnlyDictionary<string, string> fields, DateTimeOffset at)
    {
        if (author.UserId != UserId)
        {
            throw new DomainException("暂存内容只属于输入它的用户。");
        }

        if (fields.Count > MaxFields)
        {
            throw new DomainException($"暂存内容过多（超过{MaxFields}项），未能暂存。");
        }

        if (fields.Any(f => f.Key.Length > FieldKeyMaxLength || f.Value.Length > FieldValueMaxLength))
        {
            throw new DomainException($"暂存的某一项超过{FieldValueMaxLength}字，未能暂存。");
        }

        UserName = author.UserName;
        BaseRowVersion = baseRowVersion;
        BaseRevision = baseRevision;
        Fields = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        SavedAt = at;
    }
}
