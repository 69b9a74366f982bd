using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Approval;

/// <summary>A region's chain for one agency kind as the admin page shows it; <see cref="IsSet"/> false means the default.</summary>
public sealed record ApprovalChainRow(AgencyKind Kind, IReadOnlyList<ApprovalLevel> Levels, bool IsSet, uint RowVersion);

/// <summary>A report waiting at a level the reviewer may act on.</summary>
public sealed record ApprovalQueueRow(int ReportId, int AgencyId, string AgencyName, int Year, int Revision, string Status, DateTimeOffset? SubmittedAt);

/// <summary>
/// The approval chains: which one a submission follows (the nearest region above the agency that set one for its
/// kind), the admin's edits, and the reviewer's queue of reports waiting at their level across their region.
/// </summary>
public sealed class ApprovalChains(IGovDisclosureDb db, TimeProvider clock)
{
    /// <summary>The chain in force now for <paramref name="agency"/>: the deepest region above (or at) it that set one for its kind.</summary>
    public async Task<IReadOnlyList<ApprovalLevel>> InForceAsync(Agency agency, CancellationToken ct = default)
    {
        var candidates = await db.ApprovalChains.AsNoTracking()
            .Where(c => c.Kind == agency.Kind)
            .Join(db.Agencies, c => c.RegionAgencyId, a => a.Id, (c, a) => new { Chain = c, a.Path })
            .ToListAsync(ct);
        return candidates
            .Where(c => agency.Path.StartsWith(c.Path, StringComparison.Ordinal))
            .OrderByDescending(c => c.Path.Length)
            .Select(c => c.Chain.Levels)
            .FirstOrDefault() ?? ApprovalChain.Default;
    }

    /// <summary>The chains the admin's own agency (the region) has set, one row per agency kind.</summary>
    public async Task<IReadOnlyList<ApprovalChainRow>> ListAsync(UserScope scope, CancellationToken ct = default)
    {
        var set = await db.ApprovalChains.AsNoTracking().Where(c => c.RegionAgencyId == scope.AgencyId).ToListAsync(ct);
        return Enum.GetValues<AgencyKind>().Select(kind => set.FirstOrDefault(c => c.Kind == kind) is { } chain
            ? new ApprovalChainRow(kind, chain.Levels, true, chain.RowVersion)
            : new ApprovalChainRow(kind, ApprovalChain.Default, false, 0)).ToList();
    }

    /// <summary>
    /// Sets the chain for <paramref name="kind"/> in the admin's region. Reports already submitted keep the chain they
    /// were submitted under; the new one applies from the next submission.
    /// </summary>
    public async Task<AdminResult> SetAsync(UserScope scope, AgencyKind kind, IReadOnlyList<ApprovalLevel> levels, CancellationToken ct = default)
    {
        if (!scope.IsAdmin)
        {
            return AdminResult.NotFound();
        }

        var region = await db.Agencies.SingleAsync(a => a.Id == scope.AgencyId, ct);
        var chain = await db.ApprovalChains.SingleOrDefaultAsync(c => c.RegionAgencyId == region.Id && c.Kind == kind, ct);
        try
        {
            if (chain is null)
            {
                db.ApprovalChains.Add(new ApprovalChain(region, kind, levels, clock.GetUtcNow()));
            }
            else
            {
                chain.Change(levels, clock.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused(e.Message);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused("另一位管理员刚刚设置了这一审核链，请刷新后再改。");
        }

        return AdminResult.Ok($"已设置{kind.DisplayName()}的审核链：{string.Join(" → ", ApprovalChain.Validate(levels).Select(l => l.Name))}。此后提交的报告按新审核链审核，已提交的报告仍按提交时的审核链。");
    }

    /// <summary>Reports in the reviewer's region waiting at a level the reviewer may approve, oldest submission first.</summary>
    public async Task<IReadOnlyList<ApprovalQueueRow>> QueueAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!scope.CoversSubtree)
        {
            return [];
        }

        // Submitted reports in a region are few (hundreds at the deadline); the level test is the domain's, in memory.
        var waiting = await db.Reports.AsNoTracking().ReviewableBy(scope).Include(r => r.Agency)
            .Where(r => r.State == ReportState.Submitted)
            .OrderBy(r => r.SubmittedAt)
            .ToListAsync(ct);
        return waiting.Where(r => r.AwaitsReviewBy(scope.Actor))
            .Select(r => new ApprovalQueueRow(r.Id, r.AgencyId, r.Agency!.Name, r.Year, r.Revision, r.ApprovalStatus, r.SubmittedAt))
            .ToList();
    }

    /// <summary>Where each submitted report the user may see waits (待本机关审核…), by report id, for lists and boards.</summary>
    public async Task<IReadOnlyDictionary<int, string>> StagesAsync(UserScope scope, CancellationToken ct = default)
    {
        var submitted = await db.Reports.AsNoTracking().VisibleTo(scope)
            .Where(r => r.State == ReportState.Submitted)
            .ToListAsync(ct);
        return submitted.ToDictionary(r => r.Id, r => r.ApprovalStatus);
    }
}
