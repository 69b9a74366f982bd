namespace GovDisclosure.Application.Reports;

/// <summary>A revision of a report became the public one (a first publication or a published correction).</summary>
public sealed record ReportPublished(int ReportId, int AgencyId, int Year, int Revision);

/// <summary>
/// Told by <see cref="PublishReport"/> after the publication's transaction committed, never before: whatever
/// mirrors the public record (the web's output cache) follows because the publication happened, not because
/// a page remembered to act. A listener that fails is logged; the publication stands.
/// </summary>
public interface IPublicationListener
{
    Task PublishedAsync(ReportPublished published, CancellationToken ct);
}
