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

    public Agency(string name, string code, AgencyKind kind, AdministrativeLevel level, Agency? parent)
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

    public AgencyProfile Profile => new(Kind, Level);

    public bool IsWithin(string scopePath) => Path.StartsWith(scopePath, StringComparison.Ordinal);

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }
}
