namespace GovDisclosure.Domain.Agencies;

/// <summary>How a 机构改革 joined two agencies, read from the predecessor to the successor.</summary>
public enum AgencyChange
{
    /// <summary>The predecessor was merged into the successor (撤并).</summary>
    MergedInto,

    /// <summary>The successor was split off from the predecessor (分设).</summary>
    SplitFrom,

    /// <summary>The predecessor continues under a new name and code (更名).</summary>
    Renamed,
}

/// <summary>
/// A predecessor and its successor with the day the change took effect. The successor's public page lists the
/// predecessor's published reports and continues its trend across the change; who reports for which year stays
/// with <see cref="Agency.ReportsFrom"/> and <see cref="Agency.ReportsUntil"/>.
/// </summary>
public sealed class AgencyLink
{
    private AgencyLink()
    {
    }

    public AgencyLink(Agency predecessor, Agency successor, AgencyChange change, DateOnly effectiveOn)
    {
        ArgumentNullException.ThrowIfNull(predecessor);
        ArgumentNullException.ThrowIfNull(successor);
        if (ReferenceEquals(predecessor, successor) || (predecessor.Id != 0 && predecessor.Id == successor.Id))
        {
            throw new DomainException("机构不能是自己的前身。");
        }

        Predecessor = predecessor;
        Successor = successor;
        PredecessorId = predecessor.Id;
        SuccessorId = successor.Id;
        Change = change;
        EffectiveOn = effectiveOn;
    }

    public int Id { get; private set; }

    public int PredecessorId { get; private set; }

    public Agency? Predecessor { get; private set; }

    public int SuccessorId { get; private set; }

    public Agency? Successor { get; private set; }

    public AgencyChange Change { get; private set; }

    /// <summary>The successor's first day in the changed form.</summary>
    public DateOnly EffectiveOn { get; private set; }
}

public static class AgencyChanges
{
    /// <summary>How the successor's page words the change, e.g. 「2024年1月1日由A、B合并而来」 uses 「合并」.</summary>
    public static string DisplayName(this AgencyChange change) => change switch
    {
        AgencyChange.MergedInto => "合并",
        AgencyChange.SplitFrom => "分设",
        _ => "更名",
    };

    /// <summary>Reads a CSV's 「合并」「分设」「更名」 (or the English names).</summary>
    public static AgencyChange? Parse(string text) => text.Trim() switch
    {
        "合并" or "撤并" or "MergedInto" or "merged" => AgencyChange.MergedInto,
        "分设" or "拆分" or "SplitFrom" or "split" => AgencyChange.SplitFrom,
        "更名" or "Renamed" or "renamed" => AgencyChange.Renamed,
        _ => null,
    };
}
