using GovDisclosure.Application.Approval;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// 提交审核: the filler submits the current revision; every warning must carry a 说明. The submission copies the
/// approval chain in force for the agency now, and follows it even if the region changes the chain later.
/// </summary>
/// <param name="similarity">The 雷同 check for W_COPY; null in hosts without the stored index.</param>
/// <param name="indexer">Indexes the submitted text for reviewers once the submission committed; null likewise.</param>
/// <param name="catalog">The templates the stored keys name: the host's registration; null (a use case built by hand) means the national ones.</param>
public sealed class SubmitReport(
    IGovDisclosureDb db, TimeProvider clock, SimilarityCheck? similarity = null, SimilarityIndexer? indexer = null, TemplateCatalog? catalog = null)
{
    private readonly TemplateCatalog catalog = catalog ?? TemplateCatalog.Default;

    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default)
    {
        var result = await ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), reportId, rowVersion, async report =>
        {
            var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct, catalog);
            var chain = await new ApprovalChains(db, clock).InForceAsync(report.Agency!, ct);
            var copies = similarity is null ? null : await similarity.CopiesForRulesAsync(report, report.ToDocument(report.Agency!.Name, catalog), ct);
            report.Submit(scope.Actor, clock.GetUtcNow(), report.Agency!.Name, previous, chain, copies, catalog);
            return ($"已提交审核，{report.ApprovalStatus}。", []);
        }, ct);

        // After the commit, never inside it: a failed indexing is logged and the submission stands.
        if (result.IsOk && indexer is not null)
        {
            await indexer.SubmittedAsync(reportId, ct);
        }

        return result;
    }
}
