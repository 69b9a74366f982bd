using System.Globalization;
using GovDisclosure.Application.Reports;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace GovDisclosure.Web.Tests.Pdf;

/// <summary>
/// The reviewer's PDF preview is the PDF publication stores, drawn by the real renderer with the publication's options.
/// Exactly two differences are allowed, and named here:
/// <list type="number">
/// <item>the draft mark: the preview carries the diagonal 「审核预览」 on every page, the publication none;</item>
/// <item>the date: the document's creation and modification date is the moment each was drawn.</item>
/// </list>
/// Everything else, every letter of every page at its position, in its font and size, is identical.
/// </summary>
public sealed class ReviewPdfPreviewTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task The_preview_is_the_published_pdf_apart_from_the_draft_mark_and_the_date()
    {
        var (agency, _) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        await factory.FillAndSubmit(id, ("s3.received.natural", 12m), ("s3.received.legal", 3m));
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        var page = await reviewer.Get($"/Review/Reports/{id}");
        var preview = await reviewer.Http.GetByteArrayAsync(page.Single("#pdf-preview iframe").GetAttribute("src"));

        page = await reviewer.Submit(page, "#approve-form");
        await reviewer.Submit(page, "#publish-form");
        byte[] published;
        await using (var db = factory.Db())
        {
            published = (await db.Publications.AsNoTracking().SingleAsync(p => p.ReportId == id)).Pdf;
        }

        using var previewPdf = PdfDocument.Open(preview);
        using var publishedPdf = PdfDocument.Open(published);
        Assert.Equal(publishedPdf.NumberOfPages, previewPdf.NumberOfPages);
        for (var n = 1; n <= publishedPdf.NumberOfPages; n++)
        {
            var (previewBody, previewMark) = Split(previewPdf.GetPage(n));
            var (publishedBody, publishedMark) = Split(publishedPdf.GetPage(n));

            // Difference 1, the draft mark: only on the preview.
            Assert.Equal(PublicationPdf.PreviewMark, previewMark);
            Assert.Equal(string.Empty, publishedMark);

            // Everything else on the page: the same letters at the same places in the same font.
            Assert.NotEmpty(publishedBody);
            Assert.Equal(publishedBody.Count, previewBody.Count);
            Assert.Equal(publishedBody, previewBody);
        }

        // Difference 2, the date: each PDF is dated when it was drawn, the preview before the publication.
        Assert.StartsWith("D:", DateOf(publishedPdf), StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(DateOf(previewPdf), DateOf(publishedPdf)) <= 0);
    }

    /// <summary>A page's upright letters (value, position to 0.01pt, font, size), and the text of its slanted ones, which only the mark is.</summary>
    private static (List<string> Body, string Mark) Split(UglyToad.PdfPig.Content.Page page)
    {
        var body = page.Letters.Where(l => l.TextOrientation == TextOrientation.Horizontal)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Value}@{l.StartBaseLine.X:F2},{l.StartBaseLine.Y:F2} {Font(l.FontName)} {l.PointSize:F2}"))
            .ToList();
        var mark = string.Concat(page.Letters.Where(l => l.TextOrientation != TextOrientation.Horizontal).Select(l => l.Value));
        return (body, mark);
    }

    // The subset tag ("ABCDEF+") names which glyphs a subset holds; the mark adds its four to the preview's 黑体 subset.
    private static string Font(string? name) => name is null ? string.Empty : name.Length > 7 && name[6] == '+' ? name[7..] : name;

    /// <summary>The PDF's creation date as written (D:yyyyMMddHHmmss…): it sorts as the moment it names.</summary>
    private static string DateOf(PdfDocument pdf) => pdf.Information.CreationDate ?? string.Empty;
}
