namespace GovDisclosure.Domain.Agencies;

/// <summary>
/// A reporting body. The agency tree is also the region tree used for 汇总 and for a reviewer's scope:
/// a reviewer sees their agency and everything below it, found by the materialised <see cref="Path"/>.
/// </summary>
public sealed class Agency
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 32;
    public const int PathMaxLength = 400;

    private Agency()
    {
    }

    public Agency(string name, string code, AgencyKind kind, AdministrativeLevel level, Agency? parent, DateOnly? reportsFrom = null, DateOnly? reportsUntil = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (name.Length > NameMaxLength || code.Length > CodeMaxLength || code.Contains('/'))
        {
            throw new DomainException($"机构名称不超过{NameMaxLength}字，代码不超过{CodeMaxLength}字且不含“/”。");
        }

        Name = name.Trim();
        Code = code.Trim();
        Kind = kind;
        Level = level;
        Parent = parent;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Code + "/";
        SetReportingPeriod(reportsFrom, reportsUntil);
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Unique code (e.g. 统一社会信用代码 or a local code). Part of <see cref="Path"/>.</summary>
    public string Code { get; private set; } = string.Empty;

    public AgencyKind Kind { get; private set; }

    public AdministrativeLevel Level { get; private set; }

    public int? ParentId { get; private set; }

    public Agency? Parent { get; private set; }

    /// <summary>"/root-code/child-code/…/own-code/": scope queries are prefix matches on this.</summary>
    public string Path { get; private set; } = "/";

    /// <summary>
    /// The day from which the agency exists and reports (its founding, or the day it joined the platform's
    /// duties); null for an agency that has always reported. A year that ended before it is not its to report.
    /// </summary>
    public DateOnly? ReportsFrom { get; private set; }

    /// <summary>The day it stopped existing (merged, abolished); null while it exists. Years begun after it are not its.</summary>
    public DateOnly? ReportsUntil { get; private set; }

    public AgencyProfile Profile => new(Kind, Level);

    public bool IsWithin(string scopePath) => Path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>
    /// Whether the agency reports for a year: it did, when it existed on at least one day of that year. An agency
    /// founded after a deadline therefore is never late for the year before it (条例 第四十九条 binds bodies that
    /// worked during the year).
    /// </summary>
    public bool ReportsFor(int year) => ReportsFor(ReportsFrom, ReportsUntil, year);

    /// <summary>The same from the reporting period alone (the region summary counts agencies without loading them).</summary>
    public static bool ReportsFor(DateOnly? reportsFrom, DateOnly? reportsUntil, int year) =>
        (reportsFrom is not { } from || from.Year <= year) && (reportsUntil is not { } until || until.Year >= year);

    public void SetReportingPeriod(DateOnly? reportsFrom, DateOnly? reportsUntil)
    {
        if (reportsFrom is { } from && reportsUntil is { } until && until < from)
        {
            throw new DomainException("机构停止报告的日期不能早于开始报告的日期。");
        }

        ReportsFrom = reportsFrom;
        ReportsUntil = reportsUntil;
    }

    /// <summary>
    /// Moves the agency, and everything below it, under another parent (a department handed to another government,
    /// a county re-districted): its path and every descendant's path are rewritten, ids and codes stay.
    /// </summary>
    /// <param name="descendants">Every agency below this one; their paths follow.</param>
    public void MoveUnder(Agency parent, IReadOnlyCollection<Agency> descendants)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(descendants);
        if (parent.Id == Id || parent.IsWithin(Path))
        {
            throw new DomainException("不能把机构调整到它自己或它的下级机构之下。");
        }

        var oldPath = Path;
        var newPath = parent.Path + Code + "/";
        if (descendants.Any(d => !d.IsWithin(oldPath) || d.Id == Id))
        {
            throw new ArgumentException("Only the agency's own descendants follow it.", nameof(descendants));
        }

        if (descendants.Select(d => d.Path.Length - oldPath.Length).Append(0).Max() + newPath.Length > PathMaxLength)
        {
            throw new DomainException($"调整后机构层级过深（路径超过{PathMaxLength}字），请先精简上级机构。");
        }

        foreach (var descendant in descendants)
        {
            descendant.Path = newPath + descendant.Path[oldPath.Length..];
        }

        Parent = parent;
        ParentId = parent.Id;
        Path = newPath;
    }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }
}
