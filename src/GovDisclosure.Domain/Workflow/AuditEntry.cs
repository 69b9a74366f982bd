namespace GovDisclosure.Domain.Workflow;

/// <summary>
/// One line of the append-only audit trail: who did what and when; for a cell edit the old and new value.
/// Never updated or deleted (the database refuses it too).
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 40;

    private AuditEntry()
    {
    }

    public AuditEntry(Actor actor, DateTimeOffset at, string action, int? agencyId, int? reportId, int? revision, string detail, string? cellCode = null, string? oldValue = null, string? newValue = null)
    {
        UserId = actor.UserId;
        UserName = actor.UserName;
        At = at;
        Action = action;
        AgencyId = agencyId;
        ReportId = reportId;
        Revision = revision;
        Detail = detail;
        CellCode = cellCode;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public long Id { get; private set; }

    /// <summary>An administrative action: no report, <paramref name="agencyId"/> is the agency it concerns.</summary>
    public static AuditEntry Administrative(Actor actor, DateTimeOffset at, string action, int agencyId, string detail, string? oldValue = null, string? newValue = null) =>
        new(actor, at, action, agencyId, reportId: null, revision: null, detail, cellCode: null, oldValue, newValue);

    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string UserName { get; private set; } = string.Empty;

    /// <summary>A stable action code (see <see cref="AuditActions"/>).</summary>
    public string Action { get; private set; } = string.Empty;

    public int? AgencyId { get; private set; }

    public int? ReportId { get; private set; }

    public int? Revision { get; private set; }

    public string? CellCode { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    /// <summary>What happened, in Chinese, as the timeline shows it.</summary>
    public string Detail { get; private set; } = string.Empty;
}

public static class AuditActions
{
    public const string Created = "created";
    public const string CellChanged = "cell-changed";
    public const string TextChanged = "text-changed";
    public const string CarryOverChanged = "carry-over-changed";
    public const string ExplanationChanged = "explanation-changed";
    public const string Submitted = "submitted";
    public const string Withdrawn = "withdrawn";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string LevelApproved = "level-approved";
    public const string Published = "published";
    public const string CorrectionOpened = "correction-opened";
    public const string Commented = "commented";
    public const string Imported = "imported";
    public const string ImportedHistory = "imported-history";
    public const string TitleChanged = "title-changed";
    public const string ExplanationRemoved = "explanation-removed";

    // Administrative actions: no report, the agency concerned, old → new in OldValue/NewValue.
    public const string AgencyCreated = "agency-created";
    public const string AgencyRenamed = "agency-renamed";
    public const string UserCreated = "user-created";
    public const string RolesChanged = "roles-changed";
    public const string Unlocked = "unlocked";
    public const string YearAdded = "year-added";
    public const string YearOpened = "year-opened";
    public const string YearClosed = "year-closed";
    public const string DeadlinesChanged = "deadlines-changed";
    public const string HistoryUploaded = "history-uploaded";

    /// <summary>Every action code, for the audit page's filter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Created, CellChanged, TextChanged, TitleChanged, CarryOverChanged, ExplanationChanged, ExplanationRemoved, Submitted, Withdrawn,
        Returned, Approved, Published, CorrectionOpened, Commented, Imported, ImportedHistory,
        AgencyCreated, AgencyRenamed, UserCreated, RolesChanged, Unlocked, YearAdded, YearOpened, YearClosed, DeadlinesChanged, HistoryUploaded,
    ];

    public static string DisplayName(string action) => action switch
    {
        Created => "新建",
        CellChanged => "修改数据",
        TextChanged => "修改正文",
        CarryOverChanged => "修改结转数据",
        ExplanationChanged => "填写说明",
        Submitted => "提交审核",
        Withdrawn => "撤回",
        Returned => "退回",
        Approved => "审核通过",
        LevelApproved => "本级审核通过",
        Published => "发布",
        CorrectionOpened => "发起更正",
        Commented => "审核意见",
        Imported => "导入",
        ImportedHistory => "导入历史报告",
        TitleChanged => "修改标题",
        ExplanationRemoved => "删除说明",
        AgencyCreated => "新建机构",
        AgencyRenamed => "机构更名",
        UserCreated => "新建账户",
        RolesChanged => "修改角色",
        Unlocked => "解除锁定",
        YearAdded => "添加年度",
        YearOpened => "开放年度",
        YearClosed => "关闭年度",
        DeadlinesChanged => "修改截止日期",
        HistoryUploaded => "上传历史报告",
        _ => action,
    };
}
