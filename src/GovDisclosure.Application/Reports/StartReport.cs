using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>新建报告: a filler starts their own agency's report for an open year, with last year's published values carried over.</summary>
/// <param name="catalog">Which template a year uses: the host's registration; null (a use case built by hand) means the national ones.</param>
public sealed class StartReport(IGovDisclosureDb db, TimeProvider clock, TemplateCatalog? catalog = null)
{
    private readonly TemplateCatalog catalog = catalog ?? TemplateCatalog.Default;

    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        if (!scope.IsFiller)
        {
            return UseCaseResult.Refused(null, "只有填报人可以新建本机关的年度报告。");
        }

        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null || !reportingYear.IsOpen)
        {
            return UseCaseResult.Refused(null, $"{year}年度尚未开放填报。");
        }

        if (await db.Reports.AnyAsync(r => r.AgencyId == scope.AgencyId && r.Year == year, ct))
        {
            return UseCaseResult.Refused(null, $"本机关{year}年度报告已存在，请在列表中打开它。");
        }

        var agency = await db.Agencies.SingleAsync(a => a.Id == scope.AgencyId, ct);
        var previous = await PublishedDocuments.ForYearAsync(db, agency.Id, year - 1, ct, catalog);
        AnnualReport report;
        try
        {
            report = AnnualReport.Start(agency, year, scope.Actor, clock.GetUtcNow(), previous, catalog);
        }
        catch (DomainException e)
        {
            return UseCaseResult.Refused(null, e.Message);
        }

        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Two clicks (or two colleagues) at once: the unique index keeps one report per agency and year.
            db.ChangeTracker.Clear();
            return UseCaseResult.Refused(null, $"本机关{year}年度报告已存在，请在列表中打开它。");
        }

        return UseCaseResult.Ok(report.Id, report.RowVersion,
            report.CarriedValues.Count == 0 ? $"已新建{year}年度报告。" : $"已新建{year}年度报告，并从上年已发布报告带入{report.CarriedValues.Count}项数据。");
    }
}
