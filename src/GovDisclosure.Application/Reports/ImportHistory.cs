using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>One past report file as read by the importer (the caller reads it: Application does not parse documents).</summary>
/// <param name="Read">The document and the importer's findings, or null when the file is not a report.</param>
/// <param name="Refusal">Why the file is not a report (one Chinese sentence), when <paramref name="Read"/> is null.</param>
public sealed record HistoryFile(string FileName, string ContentType, byte[] Bytes, ReportDocument? Read, IReadOnlyList<Finding> ImportFindings, string? Refusal);

public enum HistoryImportStatus
{
    Imported,
    Published,
    AlreadyImported,
    ReportExists,
    AgencyUnknown,
    OutOfScope,
    Refused,
    Failed,
}

/// <summary>One line of the result table (gd import --report, the history upload page).</summary>
public sealed record HistoryImportRow(
    string File, string? AgencyCode, int? Year, string? Template, int CellsRead, int Findings, HistoryImportStatus Status, string Message)
{
    /// <summary>Already imported or already reported is what a re-run should say; only these count as failures.</summary>
    public bool Failed => Status is HistoryImportStatus.AgencyUnknown or HistoryImportStatus.OutOfScope or HistoryImportStatus.Refused or HistoryImportStatus.Failed;

    public static string StatusText(HistoryImportStatus status) => status switch
    {
        HistoryImportStatus.Imported => "已导入",
        HistoryImportStatus.Published => "已导入并发布",
        HistoryImportStatus.AlreadyImported => "已导入过（同一文件），未改动",
        HistoryImportStatus.ReportExists => "该单位该年度已有报告，未覆盖",
        HistoryImportStatus.AgencyUnknown => "无法确定所属单位",
        HistoryImportStatus.OutOfScope => "不属于您管理的单位",
        HistoryImportStatus.Refused => "无法读取",
        _ => "导入失败",
    };
}

/// <summary>
/// 历史报告导入: a past report file becomes the historical report of its agency and year, kept as the source says
/// (see <see cref="AnnualReport.ImportHistory"/>), optionally published through the same code path as 发布.
/// The same file twice (by SHA-256) changes nothing; an agency and year that already has a report is reported,
/// never overwritten. Used by gd import and by the history upload page.
/// </summary>
public sealed class ImportHistory(IGovDisclosureDb db, TimeProvider clock, PublishReport publisher)
{
    /// <param name="agencyCode">The agency chosen by the operator (--agency, the map, the page); null to match the document's own agency name.</param>
    /// <param name="inScope">Whether the operator may import for this agency (the page's agency subtree); null = any (the CLI operator).</param>
    public async Task<HistoryImportRow> ExecuteAsync(
        Actor actor, HistoryFile file, string? agencyCode, bool publish, Func<Agency, bool>? inScope = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Read is not { } document)
        {
            return new HistoryImportRow(file.FileName, agencyCode, null, null, 0, 0, HistoryImportStatus.Refused, file.Refusal ?? "不是年度报告。");
        }

        var template = document.Definition.Name;
        HistoryImportRow Row(HistoryImportStatus status, string message, string? code = null) =>
            new(file.FileName, code ?? agencyCode, document.Year, template, document.Cells.Count, file.ImportFindings.Count, status, message);

        var sha = HistoricalSource.HashOf(file.Bytes);
        var earlier = await db.HistoricalSources.AsNoTracking().Where(s => s.Sha256 == sha)
            .Select(s => new { s.Report!.Agency!.Code, s.Report.Year }).FirstOrDefaultAsync(ct);
        if (earlier is not null)
        {
            return Row(HistoryImportStatus.AlreadyImported, $"同一文件已导入为{earlier.Code} {earlier.Year}年度的历史报告。", earlier.Code);
        }

        if (await EnsureYear(document.Year, ct) is { } yearProblem)
        {
            return Row(HistoryImportStatus.Failed, yearProblem);
        }

        var agency = await FindAgency(agencyCode, document.Agency, ct);
        if (agency is null)
        {
            return Row(HistoryImportStatus.AgencyUnknown, agencyCode is null
                ? $"文中单位“{document.Agency}”与单位表中的名称都不一致，请用 --agency 或 --agency-map 指定单位。"
                : $"单位代码“{agencyCode}”不存在。");
        }

        if (inScope is not null && !inScope(agency))
        {
            return Row(HistoryImportStatus.OutOfScope, $"“{agency.Name}”不属于您管理的单位。", agency.Code);
        }

        if (await db.Reports.AnyAsync(r => r.AgencyId == agency.Id && r.Year == document.Year, ct))
        {
            return Row(HistoryImportStatus.ReportExists, $"{agency.Name}{document.Year}年度已有报告，未覆盖。", agency.Code);
        }

        var now = clock.GetUtcNow();
        var (report, source) = AnnualReport.ImportHistory(agency, document, file.ImportFindings, file.FileName, file.ContentType, file.Bytes, actor, now);
        db.Reports.Add(report);
        db.HistoricalSources.Add(source);
        try
        {
            if (publish)
            {
                // The report needs its id before the publication refers to it, so it is saved first; both saves are one
                // transaction, i.e. one commit (one WAL flush) per report instead of two, and a publication that fails
                // leaves no half-imported report behind: the file can simply be imported again.
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await publisher.PublishApprovedAsync(report, actor, now, source, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Row(HistoryImportStatus.Failed, e.Message, agency.Code);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another import of the same agency/year or file won the race.
            db.ChangeTracker.Clear();
            return Row(HistoryImportStatus.ReportExists, $"{agency.Name}{document.Year}年度已有报告，未覆盖。", agency.Code);
        }

        db.ChangeTracker.Clear();
        if (publish)
        {
            await publisher.AnnounceAsync(new ReportPublished(report.Id, report.AgencyId, report.Year, report.Revision), ct);
            return Row(HistoryImportStatus.Published, "已据原文导入并发布。", agency.Code);
        }

        return Row(HistoryImportStatus.Imported, "已据原文导入（待发布）。", agency.Code);
    }

    /// <summary>A past year gets its reporting year, closed: nobody files for it on the portal. Null when it exists now.</summary>
    private async Task<string?> EnsureYear(int year, CancellationToken ct)
    {
        if (await db.ReportingYears.AnyAsync(y => y.Year == year, ct))
        {
            return null;
        }

        try
        {
            db.ReportingYears.Add(new ReportingYear(year, isOpen: false));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return e.Message;
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another file of the same year, imported at the same moment, created it.
            db.ChangeTracker.Clear();
        }

        return null;
    }

    private async Task<Agency?> FindAgency(string? code, string documentAgency, CancellationToken ct)
    {
        if (code is not null)
        {
            return await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, ct);
        }

        var name = documentAgency.Trim();
        if (name.Length == 0)
        {
            return null;
        }

        // Exact name first; then the one agency whose name the document's names in full (a title's 关于… prefix).
        var exact = await db.Agencies.Where(a => a.Name == name).ToListAsync(ct);
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var contained = await db.Agencies.Where(a => name.Contains(a.Name)).ToListAsync(ct);
        return contained.Count == 1 ? contained[0] : null;
    }
}
