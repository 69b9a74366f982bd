using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>A line of the agency tree.</summary>
public sealed record AgencyNode(int Id, string Name, string Code, AgencyKind Kind, string Path)
{
    public int Depth => Path.Count(c => c == '/') - 2;
}

/// <param name="ParentId">The agency the new one sits under; it must be within the acting admin's subtree.</param>
public sealed record NewAgency(int ParentId, string Name, string Code, AgencyKind Kind, AdministrativeLevel Level);

/// <summary>
/// The agency tree within the acting admin's subtree: list, create under a parent, rename. Every call takes the
/// acting user's scope, so the scope rules have one place to live.
/// </summary>
public sealed class AgencyAdmin(IGovDisclosureDb db)
{
    public async Task<IReadOnlyList<AgencyNode>> TreeAsync(UserScope scope, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(scope.AgencyPath)).OrderBy(a => a.Path)
            .Select(a => new AgencyNode(a.Id, a.Name, a.Code, a.Kind, a.Path))
            .ToListAsync(ct);

    /// <summary>Refused with the code's field named when the code is taken; NotFound when the parent is outside the scope.</summary>
    public async Task<AdminResult> CreateAsync(UserScope scope, NewAgency input, CancellationToken ct = default)
    {
        var parent = await db.Agencies.Where(a => a.Path.StartsWith(scope.AgencyPath)).SingleOrDefaultAsync(a => a.Id == input.ParentId, ct);
        if (parent is null)
        {
            return AdminResult.NotFound();
        }

        var code = input.Code.Trim();
        if (await db.Agencies.AnyAsync(a => a.Code == code, ct))
        {
            return AdminResult.Refused($"机构代码“{code}”已被使用。", field: nameof(NewAgency.Code));
        }

        try
        {
            db.Agencies.Add(new Agency(input.Name, input.Code, input.Kind, input.Level, parent));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused(e.Message);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Two admins creating the same code at once: the unique index decides.
            db.ChangeTracker.Clear();
            return AdminResult.Refused($"机构代码“{code}”已被使用。", field: nameof(NewAgency.Code));
        }

        return AdminResult.Ok($"已新建机构“{input.Name.Trim()}”。");
    }

    public async Task<AdminResult> RenameAsync(UserScope scope, int agencyId, string name, CancellationToken ct = default)
    {
        var agency = await db.Agencies.Where(a => a.Path.StartsWith(scope.AgencyPath)).SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return AdminResult.NotFound();
        }

        try
        {
            agency.Rename(name);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused(e.Message);
        }

        return AdminResult.Ok($"机构已更名为“{agency.Name}”。");
    }
}

/// <summary>How an admin use case ended; <see cref="Message"/> is a Chinese sentence, <see cref="Field"/> the input it concerns, if any.</summary>
public sealed record AdminResult(UseCaseStatus Status, string Message, string? Field = null)
{
    public bool IsOk => Status == UseCaseStatus.Ok;

    public static AdminResult Ok(string message) => new(UseCaseStatus.Ok, message);

    public static AdminResult NotFound() => new(UseCaseStatus.NotFound, "未找到该项，或您无权管理。");

    public static AdminResult Refused(string message, string? field = null) => new(UseCaseStatus.Refused, message, field);

    /// <summary>Several refusals at once (account creation reports every password rule it breaks).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
