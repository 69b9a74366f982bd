using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Application.Reports;

/// <summary>How a use case ended. Every status but <see cref="Ok"/> leaves the database as it was.</summary>
public enum UseCaseStatus
{
    Ok,

    /// <summary>No such report within the user's scope. Deliberately the same answer for "absent" and "not yours".</summary>
    NotFound,

    /// <summary>Someone else saved the report since the caller loaded it (stale row version).</summary>
    Conflict,

    /// <summary>Content refused by the rules; <see cref="UseCaseResult.Findings"/> names every cell.</summary>
    Rejected,

    /// <summary>The domain refused the operation (illegal transition, missing reason, closed year…).</summary>
    Refused,
}

/// <summary>
/// The answer of a report use case. <see cref="Message"/> is always a Chinese sentence the page can show as
/// is. The caller's input is never touched: on anything but Ok, redisplay what the user typed.
/// </summary>
public sealed record UseCaseResult(UseCaseStatus Status, string Message)
{
    public const string ConflictMessage = "该报告已被他人修改，请刷新后重试。您刚才填写的内容未保存，仍保留在本页，刷新前请先复制留存。";
    public const string NotFoundMessage = "未找到该报告，或您无权访问。";

    public int? ReportId { get; init; }

    /// <summary>The row version after a successful save: the next edit must send this one.</summary>
    public uint? RowVersion { get; init; }

    /// <summary>Rejected: the errors (or the warnings still lacking a 说明). Ok after a save: the remaining warnings.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Save-and-submit refused only the submission: the content is saved at <see cref="RowVersion"/>.</summary>
    public bool ContentSaved { get; init; }

    /// <summary>For a publish that lost a race: the revision the other publisher published.</summary>
    public int? Revision { get; init; }

    /// <summary>A refused or conflicting save kept what was typed as the user's 暂存.</summary>
    public bool DraftKept { get; init; }

    /// <summary>A save on top of someone else's: how the fields merged; on a conflict, the fields the user must choose between.</summary>
    public ContentMerge? Merge { get; init; }

    public bool IsOk => Status == UseCaseStatus.Ok;

    public static UseCaseResult Ok(int reportId, uint rowVersion, string message, IReadOnlyList<Finding>? warnings = null) =>
        new(UseCaseStatus.Ok, message) { ReportId = reportId, RowVersion = rowVersion, Findings = warnings ?? [] };

    public static UseCaseResult NotFound() => new(UseCaseStatus.NotFound, NotFoundMessage);

    public static UseCaseResult Conflict(int reportId) => new(UseCaseStatus.Conflict, ConflictMessage) { ReportId = reportId };

    public static UseCaseResult Rejected(int? reportId, IReadOnlyList<Finding> findings, string message) =>
        new(UseCaseStatus.Rejected, message) { ReportId = reportId, Findings = findings };

    public static UseCaseResult Refused(int? reportId, string message) => new(UseCaseStatus.Refused, message) { ReportId = reportId };
}
