using System.Globalization;
using System.Text;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Admin;

/// <summary>The audit page's filter; every part optional. Dates are Beijing calendar days, both ends included.</summary>
public sealed record AuditFilter(int? AgencyId = null, string? UserName = null, int? ReportId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One line as the audit page and its CSV show it.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string Action, int? AgencyId, string AgencyName, int? ReportId, int? Revision, string Detail, string? OldValue, string? NewValue);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The audit trail for administrators, within what they manage (<see cref="AdminReach"/>): a government office's
/// admin reads its region's lines, a department's admin its own agency's. An agency outside that reach filters to nothing.
/// </summary>
public sealed class AuditQueries(IGovDisclosureDb db)
{
    public const int PageSize = 50;

    /// <summary>The CSV export's ceiling: enough for a region's year; a bigger export is a database job.</summary>
    public const int ExportLimit = 100_000;

    public async Task<AuditPage> PageAsync(UserScope scope, AuditFilter filter, int page, CancellationToken ct = default)
    {
        var query = await FilteredAsync(scope, filter, ct);
        if (query is null)
        {
            return new AuditPage([], 0, 1, PageSize);
        }

        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        return new AuditPage(await Project(query.Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct), total, page, PageSize);
    }

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese as Chinese.</summary>
    public async Task<byte[]> CsvAsync(UserScope scope, AuditFilter filter, CancellationToken ct = default)
    {
        var query = await FilteredAsync(scope, filter, ct);
        var rows = query is null ? [] : await Project(query.Take(ExportLimit)).ToListAsync(ct);
        var csv = new StringBuilder();
        csv.Append("时间（北京时间）,用户,操作,机构,报告编号,版本,内容,修改前,修改后\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', [
                r.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Field(r.UserName), Field(AuditActions.DisplayName(r.Action)),
                Field(r.AgencyName), r.ReportId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, r.Revision?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Field(r.Detail), Field(r.OldValue), Field(r.NewValue),
            ]);
            csv.Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The agencies the filter offers.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AgenciesAsync(UserScope scope, CancellationToken ct = default) =>
        await AdminReach.OfAsync(db, scope, ct) is { } reach
            ? (await db.Agencies.AsNoTracking().Where(reach.ManagesAccountsOf()).OrderBy(a => a.Path).Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name)).ToList()
            : [];

    private async Task<IQueryable<AuditEntry>?> FilteredAsync(UserScope scope, AuditFilter filter, CancellationToken ct)
    {
        if (await AdminReach.OfAsync(db, scope, ct) is not { } reach)
        {
            return null;
        }

        var managed = db.Agencies.Where(reach.ManagesAccountsOf()).Select(a => a.Id);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.AgencyId != null && managed.Contains(a.AgencyId.Value));
        if (filter.AgencyId is { } agency)
        {
            query = query.Where(a => a.AgencyId == agency);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            query = query.Where(a => a.UserName == name);
        }

        if (filter.ReportId is { } report)
        {
            query = query.Where(a => a.ReportId == report);
        }

        var beijing = TimeSpan.FromHours(8);
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), beijing).ToUniversalTime();
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), beijing).ToUniversalTime();
            query = query.Where(a => a.At < end);
        }

        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }

    private IQueryable<AuditRow> Project(IQueryable<AuditEntry> query) =>
        query.Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.AgencyId,
            db.Agencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? string.Empty,
            a.ReportId, a.Revision, a.Detail, a.OldValue, a.NewValue));

    // RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a typed formula.
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
