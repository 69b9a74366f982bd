using System.Globalization;
using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Oversight;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Oversight;

/// <summary>What the admin page shows: the region's own settings (or the defaults) and whether the region set them.</summary>
public sealed record ReviewSettingsView(ReviewSettings Settings, bool IsSet, string RegionName);

/// <summary>The values the admin typed, already of the right types (the page checked their shape).</summary>
public sealed record ReviewSettingsInput(int CopyThresholdPercent, bool ShowCopyFigurePublicly, decimal AnomalyZ, int AnomalyFloor, decimal JumpRatio);

/// <summary>
/// A region's review settings: which apply to a report (the deepest region above it that set them, else the
/// defaults), and the admin's change, which only a government office's admin may make, for its own region, audited.
/// </summary>
public sealed class ReviewSettingsAdmin(IGovDisclosureDb db, TimeProvider clock)
{
    /// <summary>The settings in force for an agency's reports.</summary>
    public async Task<ReviewSettings> InForceAsync(int agencyId, CancellationToken ct = default)
    {
        // One round trip: the nearest region at or above the agency that has settings (every public report page asks).
        var path = db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Path);
        return await db.ReviewSettings.AsNoTracking()
            .Join(db.Agencies, s => s.RegionAgencyId, a => a.Id, (s, a) => new { Settings = s, a.Path })
            .Where(c => path.Any(p => p.StartsWith(c.Path)))
            .OrderByDescending(c => c.Path.Length)
            .Select(c => c.Settings)
            .FirstOrDefaultAsync(ct) ?? ReviewSettings.Defaults;
    }

    /// <summary>The admin's region's settings; null when the user is not an admin (the page answers NotFound).</summary>
    public async Task<ReviewSettingsView?> GetAsync(UserScope scope, CancellationToken ct = default)
    {
        var reach = await AdminReach.OfAsync(db, scope, ct);
        if (reach is null)
        {
            return null;
        }

        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == reach.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var own = await db.ReviewSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionAgencyId == reach.AgencyId, ct);
        return own is null ? new ReviewSettingsView(await InForceAsync(reach.AgencyId, ct), false, name) : new ReviewSettingsView(own, true, name);
    }

    public async Task<AdminResult> SetAsync(UserScope scope, ReviewSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reach = await AdminReach.OfAsync(db, scope, ct);
        if (reach is null)
        {
            return AdminResult.NotFound();
        }

        // A department's admin must not set what every agency of the region is judged by.
        if (!reach.IsGovernmentOffice)
        {
            return AdminResult.Refused("审核提示设置由本地区人民政府的管理员设置，部门管理员不能修改。");
        }

        var now = clock.GetUtcNow();
        var settings = await db.ReviewSettings.SingleOrDefaultAsync(s => s.RegionAgencyId == reach.AgencyId, ct);
        var old = settings?.Describe() ?? (await InForceAsync(reach.AgencyId, ct)).Describe();
        try
        {
            if (settings is null)
            {
                settings = new ReviewSettings(reach.AgencyId, now);
                db.ReviewSettings.Add(settings);
            }

            settings.Change(input.CopyThresholdPercent, input.ShowCopyFigurePublicly, input.AnomalyZ, input.AnomalyFloor, input.JumpRatio, now);
            db.AuditEntries.Add(AuditEntry.Administrative(scope.Actor, now, AuditActions.ReviewSettingsChanged, reach.AgencyId,
                $"修改审核提示设置：{settings.Describe()}", old, settings.Describe()));
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
            return AdminResult.Refused("另一位管理员刚刚修改了审核提示设置，请刷新后再改。");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AdminResult.Refused("另一位管理员刚刚修改了审核提示设置，请刷新后再改。");
        }

        return AdminResult.Ok(string.Create(CultureInfo.InvariantCulture, $"已保存审核提示设置：{settings.Describe()}。"));
    }
}
