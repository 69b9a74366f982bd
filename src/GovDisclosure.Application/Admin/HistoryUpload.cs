using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>An agency the history upload may import for, for the page's choice.</summary>
public sealed record HistoryAgency(int Id, string Name, string Code);

/// <summary>
/// 上传历史报告: an admin's past report files become historical reports through <see cref="ImportHistory"/>, for the
/// agencies the admin manages (<see cref="AdminReach.ManagesAccountsOf"/>: a department's own agency, a government
/// office's region). The files are taken one at a time from the caller's sequence, so only one is in memory; each
/// imported report is audited by the use case, and the upload as a whole is audited once more with its outcome.
/// </summary>
public sealed class HistoryUpload(IGovDisclosureDb db, TimeProvider clock, ImportHistory importHistory)
{
    /// <summary>The agencies in reach, by name; empty for a non-admin.</summary>
    public async Task<IReadOnlyList<HistoryAgency>> AgenciesAsync(UserScope scope, CancellationToken ct = default)
    {
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return [];
        }

        return await db.Agencies.AsNoTracking().Where(reach.ManagesAccountsOf()).OrderBy(a => a.Path)
            .Select(a => new HistoryAgency(a.Id, a.Name, a.Code)).ToListAsync(ct);
    }

    /// <param name="agencyId">The agency chosen on the page; null to take each document's own agency name (within reach).</param>
    /// <returns>Null when the user is no admin or the chosen agency is out of reach (the page answers 404).</returns>
    public async Task<IReadOnlyList<HistoryImportRow>?> ExecuteAsync(
        UserScope scope, int? agencyId, IEnumerable<HistoryFile> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(files);
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return null;
        }

        string? code = null;
        if (agencyId is { } id)
        {
            code = await db.Agencies.AsNoTracking().Where(reach.ManagesAccountsOf()).Where(a => a.Id == id).Select(a => a.Code).SingleOrDefaultAsync(ct);
            if (code is null)
            {
                return null;
            }
        }

        var inReach = reach.ManagesAccountsOf().Compile();
        var rows = new List<HistoryImportRow>();
        foreach (var file in files)
        {
            rows.Add(await importHistory.ExecuteAsync(scope.Actor, file, code, publish: false, inReach, ct));
        }

        var imported = rows.Count(r => r.Status == HistoryImportStatus.Imported);
        var summary = $"上传历史报告{rows.Count}个文件：导入{imported}个，已存在{rows.Count(r => r.Status is HistoryImportStatus.AlreadyImported or HistoryImportStatus.ReportExists)}个，"
            + $"失败{rows.Count(r => r.Failed)}个（{string.Join("；", rows.Select(r => $"{r.File}：{HistoryImportRow.StatusText(r.Status)}"))}）";
        db.AuditEntries.Add(AuditEntry.Administrative(scope.Actor, clock.GetUtcNow(), AuditActions.HistoryUploaded, agencyId ?? reach.AgencyId,
            summary));
        await db.SaveChangesAsync(ct);
        return rows;
    }
}
