using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// 保存并提交: the editor's submit button. The content is saved first, so nothing typed is lost when the
/// submission is then refused (e.g. a warning still lacks its 说明); the answer says which of the two happened.
/// </summary>
public sealed class SaveAndSubmitReport(SaveReport save, SubmitReport submit)
{
    public const string SavedNotSubmitted = "已保存，但未能提交：";

    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, SaveReportInput input, CancellationToken ct = default)
    {
        var saved = await save.ExecuteAsync(scope, input, ct);
        if (!saved.IsOk)
        {
            return saved;
        }

        var submitted = await submit.ExecuteAsync(scope, input.ReportId, saved.RowVersion!.Value, ct);
        if (submitted.IsOk)
        {
            return submitted with { Message = "已保存并提交审核。" };
        }

        return submitted with { Message = SavedNotSubmitted + submitted.Message, ContentSaved = true, RowVersion = saved.RowVersion };
    }
}
