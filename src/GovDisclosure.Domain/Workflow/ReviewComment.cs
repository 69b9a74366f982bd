using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Workflow;

/// <summary>A reviewer's comment on the whole report, a section or one cell of a revision. Never public.</summary>
public sealed class ReviewComment
{
    public const int TextMaxLength = 2000;

    private ReviewComment()
    {
    }

    internal ReviewComment(AnnualReport report, Actor author, DateTimeOffset at, string text, string? sectionKey, string? cellCode)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("审核意见不能为空。");
        }

        if (text.Length > TextMaxLength)
        {
            throw new DomainException($"审核意见不能超过{TextMaxLength}字。");
        }

        var definition = ReportTemplates.Get(report.Template);
        if (cellCode is not null && !definition.HasCell(cellCode))
        {
            throw new DomainException($"单元格 {cellCode} 不属于本报告的格式。");
        }

        if (sectionKey is not null && !SectionKeys.All.Contains(sectionKey))
        {
            throw new DomainException($"没有名为 {sectionKey} 的部分。");
        }

        Report = report;
        ReportId = report.Id;
        Revision = report.Revision;
        AuthorId = author.UserId;
        AuthorName = author.UserName;
        CreatedAt = at;
        Text = text.Trim();
        SectionKey = sectionKey;
        CellCode = cellCode;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public AnnualReport? Report { get; private set; }

    public int Revision { get; private set; }

    public string? SectionKey { get; private set; }

    public string? CellCode { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string AuthorId { get; private set; } = string.Empty;

    public string AuthorName { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }
}
