using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Workflow;

/// <summary>
/// A reporting year: its template and its statutory deadlines (条例 第四十九条): departments publish
/// by 1月31日 and a government's own report by 3月31日 of the following year.
/// </summary>
public sealed class ReportingYear
{
    private ReportingYear()
    {
    }

    public ReportingYear(int year, bool isOpen = true)
    {
        if (year is < 2019 or > 2100)
        {
            throw new DomainException("报告年度应在2019年及以后（适用2019年修订的条例）。");
        }

        Year = year;
        Template = TemplateVersions.ForYear(year);
        DepartmentDeadline = new DateOnly(year + 1, 1, 31);
        GovernmentDeadline = new DateOnly(year + 1, 3, 31);
        IsOpen = isOpen;
    }

    public int Year { get; private set; }

    public TemplateVersion Template { get; private set; }

    public DateOnly DepartmentDeadline { get; private set; }

    public DateOnly GovernmentDeadline { get; private set; }

    /// <summary>Agencies may start reports only for open years.</summary>
    public bool IsOpen { get; private set; }

    public void SetDeadlines(DateOnly department, DateOnly government)
    {
        if (department.Year <= Year || government.Year <= Year)
        {
            throw new DomainException("截止日期应在报告年度之后。");
        }

        DepartmentDeadline = department;
        GovernmentDeadline = government;
    }

    public void SetOpen(bool open) => IsOpen = open;

    /// <summary>The statutory deadline for an agency kind, before any regional override.</summary>
    public DateOnly DeadlineFor(AgencyKind kind) => Deadlines.KeepsGovernmentDeadline(kind) ? GovernmentDeadline : DepartmentDeadline;
}

/// <summary>A region's own deadlines for a year (provincial or local rules); applies to every agency under <see cref="AgencyPath"/>.</summary>
public sealed class DeadlineOverride
{
    private DeadlineOverride()
    {
    }

    public DeadlineOverride(int year, Agency region, DateOnly? departmentDeadline, DateOnly? governmentDeadline)
    {
        Year = year;
        RegionAgencyId = region.Id;
        AgencyPath = region.Path;
        DepartmentDeadline = departmentDeadline;
        GovernmentDeadline = governmentDeadline;
    }

    public int Id { get; private set; }

    public int Year { get; private set; }

    public int RegionAgencyId { get; private set; }

    public string AgencyPath { get; private set; } = string.Empty;

    public DateOnly? DepartmentDeadline { get; private set; }

    public DateOnly? GovernmentDeadline { get; private set; }

    /// <summary>The region's government office moves its own deadlines; the same rule as the statutory ones.</summary>
    public void Set(DateOnly? departmentDeadline, DateOnly? governmentDeadline)
    {
        if (departmentDeadline?.Year <= Year || governmentDeadline?.Year <= Year)
        {
            throw new DomainException("截止日期应在报告年度之后。");
        }

        DepartmentDeadline = departmentDeadline;
        GovernmentDeadline = governmentDeadline;
    }

    /// <summary>The deadline this override sets for an agency kind, or null when it leaves that kind's deadline alone.</summary>
    public DateOnly? DeadlineFor(AgencyKind kind) => Deadlines.KeepsGovernmentDeadline(kind) ? GovernmentDeadline : DepartmentDeadline;
}

public enum DeadlineStatus
{
    /// <summary>Not yet published and the deadline has not passed.</summary>
    Open,

    OnTime,

    Late,

    /// <summary>Not published and the deadline has passed.</summary>
    Missing,
}

public static class Deadlines
{
    /// <summary>
    /// The deadline for an agency: the most specific override on its path (deepest region wins), else the statutory one.
    /// </summary>
    public static DateOnly For(ReportingYear year, Agency agency, IEnumerable<DeadlineOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return For(year, agency.Kind, agency.Path, overrides);
    }

    /// <summary>
    /// The same from an agency's kind and path alone: the region summary counts whole groups of agencies that share
    /// both inputs, without loading each agency.
    /// </summary>
    public static DateOnly For(ReportingYear year, AgencyKind kind, string agencyPath, IEnumerable<DeadlineOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(agencyPath);
        var specific = overrides
            .Where(o => o.Year == year.Year && agencyPath.StartsWith(o.AgencyPath, StringComparison.Ordinal))
            .OrderByDescending(o => o.AgencyPath.Length)
            .Select(o => o.DeadlineFor(kind))
            .FirstOrDefault(d => d is not null);
        return specific ?? year.DeadlineFor(kind);
    }

    /// <summary>People's governments and townships/streets publish by 3月31日, departments by 1月31日 (条例 第四十九条、第五十条).</summary>
    public static bool KeepsGovernmentDeadline(AgencyKind kind) => kind is AgencyKind.PeopleGovernment or AgencyKind.TownshipStreet;

    /// <summary>On time, late or missing, given the first publication date (China Standard Time) and today.</summary>
    public static DeadlineStatus Status(DateOnly deadline, DateOnly? firstPublishedOn, DateOnly today) => firstPublishedOn switch
    {
        { } d when d <= deadline => DeadlineStatus.OnTime,
        not null => DeadlineStatus.Late,
        null when today > deadline => DeadlineStatus.Missing,
        _ => DeadlineStatus.Open,
    };

    public static string DisplayName(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.Open => "未到期",
        DeadlineStatus.OnTime => "按时发布",
        DeadlineStatus.Late => "逾期发布",
        DeadlineStatus.Missing => "逾期未发布",
        _ => status.ToString(),
    };

    /// <summary>China Standard Time (UTC+8, no daylight saving): deadlines are Beijing calendar days.</summary>
    public static DateOnly BeijingDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
