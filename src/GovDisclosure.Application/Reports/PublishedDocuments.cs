using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

public static class PublishedDocuments
{
    /// <summary>
    /// The agency's newest published revision for a year, as an interchange document: the source of carry-over
    /// values and of the cross-year rules. Unpublished drafts never count. Its template is read from <paramref name="catalog"/>
    /// (the national one when null).
    /// </summary>
    public static async Task<ReportDocument?> ForYearAsync(IGovDisclosureDb db, int agencyId, int year, CancellationToken ct, TemplateCatalog? catalog = null)
    {
        var json = await db.Publications.AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.Year == year)
            .OrderByDescending(p => p.Revision)
            .Select(p => p.InterchangeJson)
            .FirstOrDefaultAsync(ct);
        return json is null ? null : InterchangeJson.Read(json, catalog);
    }
}
