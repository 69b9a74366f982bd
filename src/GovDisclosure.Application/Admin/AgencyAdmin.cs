using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
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
/// The agency tree within the acting admin's subtree: list, create under a parent, rename. Only a government
/// office's admin changes the tree, within its region (<see cref="AdminReach"/>); each change is audited.
/// </summary>
public sealed class AgencyAdmin(IGovDisclosureDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AgencyNode>> TreeAsync(UserScope scope, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(scope.AgencyPath)).OrderBy(a => a.Path)
            .Select(a => new AgencyNode(a.Id, a.Name, a.Code, a.Kind, a.Path))
            .ToListAsync(ct);

    /// <summary>Refused with the code's field named when the code is taken; NotFound when the parent is outside the scope.</summary>
    public async Task<AdminResult> CreateAsync(UserScope scope, NewAgency input, CancellationToken ct = default)
    {
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return AdminResult.NotFound();
        }

        if (!reach.IsGovernmentOffice)
        {
            return AdminResult.Refused(AdminReach.DepartmentRefusal);
        }

        var parent = await db.Agencies.Where(reach.ManagesAgency()).SingleOrDefaultAsync(a => a.Id == input.ParentId, ct);
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
            // Created today, it reports from today: the years whose deadlines have passed are not its to answer for.
            var agency = new Agency(input.Name, input.Code, input.Kind, input.Level, parent, reportsFrom: Deadlines.BeijingDate(clock.GetUtcNow()));
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);

            // The new agency's id exists only after the first save; both saves are one request, the second only appends.
            db.AuditEntries.Add(AuditEntry.Administrative(scope.Actor, clock.GetUtcNow(), AuditActions.AgencyCreated, agency.Id,
                $"新建机构“{agency.Name}”（{agency.Code}，{agency.Kind.DisplayName()}），上级“{parent.Name}”", newValue: agency.Name));
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
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return AdminResult.NotFound();
        }

        if (!reach.IsGovernmentOffice)
        {
            return AdminResult.Refused(AdminReach.DepartmentRefusal);
        }

        var agency = await db.Agencies.Where(reach.ManagesAgency()).SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return AdminResult.NotFound();
        }

        try
        {
            var old = agency.Name;
            agency.Rename(name);
            if (agency.Name == old)
            {
                return AdminResult.Ok($"机构名称未变（“{old}”）。");
            }

            db.AuditEntries.Add(AuditEntry.Administrative(scope.Actor, clock.GetUtcNow(), AuditActions.AgencyRenamed, agency.Id,
                $"机构更名：{old} → {agency.Name}", old, agency.Name));
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
