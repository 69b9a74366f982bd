using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>What 确认导入 did, and the document it read (shown again with the findings when refused).</summary>
public sealed record ApplyImportResult(UseCaseResult Result, ReportDocument? Document);

/// <summary>
/// 确认导入: the recognised document comes back from the browser as interchange JSON, so it is read as untrusted
/// input: every cell value through <see cref="CellText.Check"/> (the limits the editor applies to typed text), the
/// texts without control characters, and then the editor's own <see cref="SaveReport"/>, which runs the rules.
/// </summary>
public sealed class ApplyImport(IGovDisclosureDb db, SaveReport save)
{
    public const string ConflictMessage = "导入未成功：报告在此期间已被修改，请重新识别后再导入。";

    public async Task<ApplyImportResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, string? recognisedJson, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().EditableBy(scope)
            .Where(r => r.Id == reportId)
            .Select(r => new { r.Year, r.Template, AgencyName = r.Agency!.Name, r.Explanations })
            .SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return new(UseCaseResult.NotFound(), null);
        }

        // The JSON reader would refuse a NUL too, but with an English parser message; say it in the user's words.
        if (string.IsNullOrWhiteSpace(recognisedJson) || recognisedJson.Contains('\0', StringComparison.Ordinal))
        {
            return new(UseCaseResult.Refused(reportId, "识别结果已损坏或含有无法识别的字符，请重新识别后再导入。"), null);
        }

        ReportDocument document;
        try
        {
            document = InterchangeJson.Read(recognisedJson);
        }
        catch (ReportFormatException e)
        {
            return new(UseCaseResult.Refused(reportId, e.Message), null);
        }

        // The draft keeps its own identity; only content is imported.
        document.Year = report.Year;
        document.Template = report.Template;
        document.Agency = report.AgencyName;

        var errors = Check(document);
        if (errors.Count > 0)
        {
            return new(UseCaseResult.Refused(reportId, string.Join(" ", errors)), document);
        }

        // The same save as the editor's: the rules refuse an unbalanced import, the 说明 already written are kept.
        var result = await save.ExecuteAsync(scope, new SaveReportInput(reportId, rowVersion, document, report.Explanations), ct);
        return new(result.Status == UseCaseStatus.Conflict ? result with { Message = ConflictMessage } : result, document);
    }

    /// <summary>Each refused cell or text, as a sentence naming it.</summary>
    private static List<string> Check(ReportDocument document)
    {
        var definition = ReportTemplates.Get(document.Template);
        var errors = new List<string>();
        foreach (var (code, value) in document.Cells)
        {
            if (!definition.HasCell(code))
            {
                errors.Add($"识别结果中的单元格“{code}”不属于本报告的格式。");
                continue;
            }

            if (CellText.Check(definition.Cell(code), value) is { IsRefused: true } refused)
            {
                errors.Add(refused.Error!);
            }
        }

        foreach (var section in definition.Sections)
        {
            if (document.Sections.GetValueOrDefault(section.Key) is { } text && text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                errors.Add($"“{section.Heading}”正文含有无法识别的控制字符，请重新识别后再导入。");
            }
        }

        if (document.Title.Any(char.IsControl))
        {
            errors.Add("标题含有无法识别的控制字符，请重新识别后再导入。");
        }

        return errors;
    }
}
