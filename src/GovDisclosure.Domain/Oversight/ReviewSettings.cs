using System.Globalization;

namespace GovDisclosure.Domain.Oversight;

/// <summary>
/// What a region's 主管部门 sets for the review of its agencies' reports: the 雷同 提示线 above which a section needs a
/// 说明, whether the public report page shows each section's 雷同 figure, and how far a cell must stand from the
/// agency's earlier years or from its peers before the review page hints at it. The deepest region above a report
/// that set them decides; a region that set nothing has <see cref="Defaults"/>.
/// </summary>
public sealed class ReviewSettings
{
    public const int MinCopyThreshold = 30;
    public const int MaxCopyThreshold = 100;

    /// <summary>The defaults: CASS found reports up to 90 % repeated; 60 % leaves room for a kept paragraph of institutional text.</summary>
    public static readonly ReviewSettings Defaults = new();

    private ReviewSettings()
    {
    }

    public ReviewSettings(int regionAgencyId, DateTimeOffset now)
    {
        RegionAgencyId = regionAgencyId;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    /// <summary>The government office whose subtree these settings govern.</summary>
    public int RegionAgencyId { get; private set; }

    /// <summary>From this whole percent of a section found in one source, the filler must write a 说明 (0 = no warning).</summary>
    public int CopyThresholdPercent { get; private set; } = 60;

    /// <summary>Whether the public report page shows each section's 雷同 figure.</summary>
    public bool ShowCopyFigurePublicly { get; private set; }

    /// <summary>Robust z-score (on the median absolute deviation) from which a cell stands out from its peers.</summary>
    public decimal AnomalyZ { get; private set; } = 3.5m;

    /// <summary>A cell is never flagged for a difference smaller than this (件), and where peers do not vary at all this alone decides.</summary>
    public int AnomalyFloor { get; private set; } = 10;

    /// <summary>A cell jumped when it is at least this many times its earlier years' median, or at most that median divided by it.</summary>
    public decimal JumpRatio { get; private set; } = 3m;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin.</summary>
    public uint RowVersion { get; private set; }

    /// <summary>Each setting as the audit line records it.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"雷同提示线{(CopyThresholdPercent == 0 ? "不提示" : $"{CopyThresholdPercent}%")}，公开页{(ShowCopyFigurePublicly ? "显示" : "不显示")}雷同比例，异常提示：偏离同类机关稳健Z值{AnomalyZ:0.##}、最小差额{AnomalyFloor}件、与往年相比{JumpRatio:0.##}倍");

    /// <summary>Changes the settings; refuses a value out of range with a message naming the field.</summary>
    public void Change(int copyThresholdPercent, bool showCopyFigurePublicly, decimal anomalyZ, int anomalyFloor, decimal jumpRatio, DateTimeOffset now)
    {
        if (copyThresholdPercent != 0 && copyThresholdPercent is < MinCopyThreshold or > MaxCopyThreshold)
        {
            throw new DomainException($"雷同提示线应为{MinCopyThreshold}至{MaxCopyThreshold}之间的整数（填0表示不提示）。");
        }

        if (anomalyZ is < 1 or > 20)
        {
            throw new DomainException("偏离同类机关的稳健Z值应在1至20之间。");
        }

        if (anomalyFloor is < 1 or > 100_000)
        {
            throw new DomainException("最小差额应为1至100000之间的整数（件）。");
        }

        if (jumpRatio is < 1.5m or > 100)
        {
            throw new DomainException("与往年相比的倍数应在1.5至100之间。");
        }

        CopyThresholdPercent = copyThresholdPercent;
        ShowCopyFigurePublicly = showCopyFigurePublicly;
        AnomalyZ = anomalyZ;
        AnomalyFloor = anomalyFloor;
        JumpRatio = jumpRatio;
        UpdatedAt = now;
    }
}
