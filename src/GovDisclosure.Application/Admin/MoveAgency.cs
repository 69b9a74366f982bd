using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>
/// 调整上级机构: a government office's admin moves an agency of its region, with everything below it, under another
/// agency of its region. The paths, the audit line and the region rollup's change (the subtree's sums leave the regions
/// it left and join those it joined, <see cref="IPublicRecord.AgencyMoved"/>) are one SaveChanges, one transaction,
/// so a region summary is exact before and after and never half-moved.
/// </summary>
public sealed class MoveAgency(IGovDisclosureDb db, TimeProvider clock, IPublicRecord record)
{
    public async Task<AdminResult> ExecuteAsync(UserScope scope, int agencyId, int newParentId, CancellationToken ct = default)
    {
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return AdminResult.NotFound();
        }

        if (!reach.IsGovernmentOffice)
        {
            return AdminResult.Refused(AdminReach.DepartmentRefusal);
        }

        // Both ends must be in the admin's region: nobody moves an agency out of, or into, a region they do not manage.
        var agency = await db.Agencies.Where(reach.ManagesAgency()).SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        var parent = await db.Agencies.Where(reach.ManagesAgency()).SingleOrDefaultAsync(a => a.Id == newParentId, ct);
        if (agency is null || parent is null)
        {
            return AdminResult.NotFound();
        }

        if (agency.ParentId == parent.Id)
        {
            return AdminResult.Ok($"“{agency.Name}”已在“{parent.Name}”之下，未作调整。");
        }

        var oldPath = agency.Path;
        var oldParent = agency.ParentId is { } id ? await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).SingleAsync(ct) : "（无）";
        var descendants = await db.Agencies.Where(a => a.Path.StartsWith(oldPath) && a.Id != agency.Id).ToListAsync(ct);
        try
        {
            agency.MoveUnder(parent, descendants);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused(e.Message, field: "ParentId");
        }

        db.AuditEntries.Add(AuditEntry.Administrative(scope.Actor, clock.GetUtcNow(), AuditActions.AgencyMoved, agency.Id,
            $"“{agency.Name}”的上级机构：{oldParent} → {parent.Name}（下级机构{descendants.Count}个随同调整）", oldPath, agency.Path));
        record.AgencyMoved(agency.Id, oldPath);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused("机构树刚被他人修改，请刷新后重试。");
        }

        return AdminResult.Ok($"已将“{agency.Name}”调整到“{parent.Name}”之下。");
    }
}
