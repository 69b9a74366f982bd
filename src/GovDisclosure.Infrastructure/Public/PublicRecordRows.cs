using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>A report's current public page (<see cref="PublicPage"/> as JSON), replaced when a correction is published.</summary>
public sealed class PublicReportPageRow
{
    public int ReportId { get; set; }

    /// <summary>The publication the page shows; the rollup holds exactly this publication's contribution.</summary>
    public int PublicationId { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    public TemplateVersion Template { get; set; }

    public string Content { get; set; } = string.Empty;
}

/// <summary>
/// One cell's sum over the current publications of every agency under a region (the region itself included), for a
/// year and template. Absent means 0 with no blanks. <see cref="RegionId"/> is an agency id, or <see cref="PublicRecordWriter.AllRegions"/> for the whole portal.
/// </summary>
public sealed class RegionCellTotal
{
    public int RegionId { get; set; }

    public int Year { get; set; }

    public TemplateVersion Template { get; set; }

    public string Code { get; set; } = string.Empty;

    /// <summary>Which of the row's shards (<see cref="PublicRecordWriter.Shards"/>): readers sum them.</summary>
    public short Shard { get; set; }

    public decimal Total { get; set; }

    /// <summary>
    /// How many of those publications leave the cell blank. The ones that show a value are the region's report count
    /// (<see cref="RegionReportCount"/>) less this; when none does, the sum is blank, not 0. Counting blanks rather
    /// than values means a cell shown as 0 needs no row (migration RollupBlanks).
    /// </summary>
    public int Blanks { get; set; }
}

/// <summary>How many current publications a region has for a year and template.</summary>
public sealed class RegionReportCount
{
    public int RegionId { get; set; }

    public int Year { get; set; }

    public TemplateVersion Template { get; set; }

    /// <summary>Which of the row's shards (<see cref="PublicRecordWriter.Shards"/>): readers sum them.</summary>
    public short Shard { get; set; }

    public int Reports { get; set; }
}

/// <summary>
/// How many agencies under a region (the region itself included) made their first publication of a year on a Beijing
/// calendar day, by agency kind: the on-time board's input (migration FirstPublicationCounts). Written only by the
/// trigger on publications and by agency moves; <see cref="RegionId"/> is an agency id, or
/// <see cref="PublicRecordWriter.AllRegions"/> for the whole portal.
/// </summary>
public sealed class RegionFirstPublication
{
    public int RegionId { get; set; }

    public int Year { get; set; }

    public GovDisclosure.Domain.Agencies.AgencyKind Kind { get; set; }

    public DateOnly PublishedOn { get; set; }

    /// <summary>The agency's rollup shard (<see cref="PublicRecordWriter.ShardOf"/>): readers sum them.</summary>
    public short Shard { get; set; }

    public int Agencies { get; set; }
}
