using GovDisclosure.Domain.Agencies;

namespace GovDisclosure.Domain.Workflow;

/// <summary>Who may act at one level of an approval chain, relative to the agency whose report it is.</summary>
public enum ApprovalScope
{
    /// <summary>Any reviewer whose scope reaches the report: the single-level behaviour every report had before chains.</summary>
    AnyReviewer,

    /// <summary>A reviewer of the report's own agency (本机关审核人).</summary>
    OwnAgency,

    /// <summary>A reviewer of an agency above the report's (the government office of the region, 政府办审核人).</summary>
    Above,
}

/// <summary>One level of a chain: its name as the report's status shows it (待{Name}) and who may approve there.</summary>
public sealed record ApprovalLevel(string Name, ApprovalScope Scope)
{
    public const int NameMaxLength = 20;

    /// <summary>May <paramref name="actor"/> act at this level of a report of <paramref name="reportAgencyId"/>?
    /// The caller has already loaded the report through the reviewer's scope, so "not own" means "above".</summary>
    public bool Admits(Actor actor, int reportAgencyId) => Scope switch
    {
        ApprovalScope.OwnAgency => actor.AgencyId == reportAgencyId,
        ApprovalScope.Above => actor.AgencyId != reportAgencyId,
        _ => true,
    };

    public string ScopeDisplayName => Scope switch
    {
        ApprovalScope.OwnAgency => "本机关审核人",
        ApprovalScope.Above => "上级（政府办）审核人",
        _ => "范围内任一审核人",
    };
}

/// <summary>
/// The approval levels a region's admin sets for one kind of agency under it (e.g. a department's report: its own
/// 审核人, then the government office's). A report copies the chain in force when it is submitted
/// (<see cref="AnnualReport.ApprovalLevels"/>), so changing a chain never moves a report already on its way.
/// </summary>
public sealed class ApprovalChain
{
    public const int MaxLevels = 5;

    /// <summary>The chain of an agency kind no region has set: one level, any reviewer in scope.</summary>
    public static readonly IReadOnlyList<ApprovalLevel> Default = [new("审核", ApprovalScope.AnyReviewer)];

    private string levels = string.Empty;

    private ApprovalChain()
    {
    }

    public ApprovalChain(Agency region, AgencyKind kind, IReadOnlyList<ApprovalLevel> levels, DateTimeOffset now)
    {
        RegionAgencyId = region.Id;
        Kind = kind;
        Change(levels, now);
    }

    public int Id { get; private set; }

    /// <summary>The agency (a 人民政府, usually) whose admin set the chain; it applies to agencies below it.</summary>
    public int RegionAgencyId { get; private set; }

    public AgencyKind Kind { get; private set; }

    public IReadOnlyList<ApprovalLevel> Levels => Decode(levels);

    /// <summary>The stored form of <see cref="Levels"/> (see <see cref="Encode"/>).</summary>
    public string EncodedLevels => levels;

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public void Change(IReadOnlyList<ApprovalLevel> newLevels, DateTimeOffset now)
    {
        levels = Encode(Validate(newLevels));
        UpdatedAt = now;
    }

    /// <summary>Refuses an empty chain, too many levels and blank or over-long names, in words an admin understands.</summary>
    public static IReadOnlyList<ApprovalLevel> Validate(IReadOnlyList<ApprovalLevel> levels)
    {
        if (levels.Count == 0)
        {
            throw new DomainException("审核链至少需要一级。");
        }

        if (levels.Count > MaxLevels)
        {
            throw new DomainException($"审核链最多{MaxLevels}级。");
        }

        var trimmed = levels.Select(l => l with { Name = (l.Name ?? string.Empty).Trim() }).ToList();
        for (var i = 0; i < trimmed.Count; i++)
        {
            var name = trimmed[i].Name;
            if (name.Length == 0 || name.Length > ApprovalLevel.NameMaxLength || name.Contains('|') || name.Contains(';'))
            {
                throw new DomainException($"第{i + 1}级的名称不能为空，不超过{ApprovalLevel.NameMaxLength}字，且不含“|”“;”。");
            }
        }

        return trimmed;
    }

    /// <summary>"Scope|Name;Scope|Name": short, readable in the database, and the same in the report's snapshot.</summary>
    public static string Encode(IReadOnlyList<ApprovalLevel> levels) =>
        string.Join(';', levels.Select(l => $"{l.Scope}|{l.Name}"));

    /// <summary>The empty string (a report submitted before chains existed, or never submitted) is the default chain.</summary>
    public static IReadOnlyList<ApprovalLevel> Decode(string encoded) =>
        string.IsNullOrEmpty(encoded)
            ? Default
            : encoded.Split(';').Select(part =>
            {
                var bar = part.IndexOf('|', StringComparison.Ordinal);
                return new ApprovalLevel(part[(bar + 1)..], Enum.Parse<ApprovalScope>(part[..bar]));
            }).ToList();
}
