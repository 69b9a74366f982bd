namespace GovDisclosure.Domain.Workflow;

/// <summary>The lifecycle of one revision: 草稿 → 已提交 → (已退回 → 草稿 …) → 已通过 → 已发布.</summary>
public enum ReportState
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
}

public static class ReportStates
{
    public static string DisplayName(this ReportState state) => state switch
    {
        ReportState.Draft => "草稿",
        ReportState.Submitted => "已提交",
        ReportState.Returned => "已退回",
        ReportState.Approved => "已通过",
        ReportState.Published => "已发布",
        _ => state.ToString(),
    };

    /// <summary>A filler may change the content only in these states.</summary>
    public static bool IsEditable(this ReportState state) => state is ReportState.Draft or ReportState.Returned;
}

/// <summary>Who is acting. Built by the web or CLI layer from the signed-in user.</summary>
public sealed record Actor(string UserId, string UserName, int AgencyId);
