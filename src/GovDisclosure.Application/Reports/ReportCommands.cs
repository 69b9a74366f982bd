using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// The steps every report command shares: load through a scoped query, check the caller's row version,
/// call one domain method, save, and turn refusals and conflicts into a <see cref="UseCaseResult"/>.
/// </summary>
internal static class ReportCommands
{
    /// <summary>What a command does to the loaded report: the success message and, for saves, the warnings.</summary>
    public delegate Task<(string Message, IReadOnlyList<Finding> Warnings)> Step(AnnualReport report);

    public static Task<(string Message, IReadOnlyList<Finding> Warnings)> Done(string message) =>
        Task.FromResult<(string, IReadOnlyList<Finding>)>((message, []));

    public static Task<AnnualReport?> LoadAsync(IQueryable<AnnualReport> scoped, int reportId, CancellationToken ct) =>
        scoped.Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == reportId, ct);

    public static async Task<UseCaseResult> RunAsync(
        IGovDisclosureDb db, IQueryable<AnnualReport> scoped, int reportId, uint? rowVersion, Step step, CancellationToken ct)
    {
        var report = await LoadAsync(scoped, reportId, ct);
        if (report is null)
        {
            return UseCaseResult.NotFound();
        }

        if (rowVersion is { } expected)
        {
            // Stale before we start: answer at once. The OriginalValue covers a save that lands in between.
            if (report.RowVersion != expected)
            {
                return UseCaseResult.Conflict(report.Id);
            }

            db.Entry(report).Property(r => r.RowVersion).OriginalValue = expected;
        }

        (string Message, IReadOnlyList<Finding> Warnings) outcome;
        try
        {
            outcome = await step(report);
        }
        catch (ReportRejectedException e)
        {
            // The aggregate may be half-changed in memory; a context reused by the page must not save it later.
            db.ChangeTracker.Clear();
            return UseCaseResult.Rejected(report.Id, e.Findings, e.Message);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Refused(report.Id, e.Message);
        }

        return await SaveAsync(db, report, outcome.Message, outcome.Warnings, ct);
    }

    public static async Task<UseCaseResult> SaveAsync(IGovDisclosureDb db, AnnualReport report, string message, IReadOnlyList<Finding> warnings, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Conflict(report.Id);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Two publishers of one revision at once (two instances): the second insert into publications waits for
            // the first transaction and then meets its (report, revision) row before the row-version check is reached.
            db.ChangeTracker.Clear();
            return UseCaseResult.Conflict(report.Id);
        }

        return UseCaseResult.Ok(report.Id, report.RowVersion, message, warnings);
    }
}
