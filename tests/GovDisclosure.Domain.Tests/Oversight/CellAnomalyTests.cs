using GovDisclosure.Domain.Oversight;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Tests.Shared;

namespace GovDisclosure.Domain.Tests.Oversight;

public sealed class CellAnomalyTests
{
    private static readonly TemplateDefinition T2021 = ReportTemplates.T2021;

    /// <summary>A cell every agency reports with a spread of values: 新收 of natural persons.</summary>
    private static readonly string Received = T2021.Cells.First(c => c.Kind == CellKind.Count && c.RowName.Contains("新收", StringComparison.Ordinal) && c.ColumnLabel.Contains("自然人", StringComparison.Ordinal)).Code;

    private static Dictionary<string, decimal> Cells(int received) =>
        CompleteReport.Balanced(2024, received: received).Cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    [Fact]
    public void A_planted_outlier_among_fifty_peers_is_flagged_with_its_numbers_and_none_of_the_peers_is()
    {
        // Fifty departments receiving between 20 and 69 applications; one received 400.
        var peers = Enumerable.Range(0, 50).Select(i => (IReadOnlyDictionary<string, decimal>)Cells(20 + ((i * 37) % 50))).ToList();
        var outlier = Cells(400);
        var all = peers.Append(outlier).ToList();

        var flagged = CellAnomalies.Find(T2021, outlier, [], peers, ReviewSettings.Defaults);
        var peerFlags = peers.Select((p, i) => CellAnomalies.Find(T2021, p, [], all.Where((_, k) => k != i).ToList(), ReviewSettings.Defaults)).ToList();

        var hint = Assert.Single(flagged, a => a.Cell.Code == Received && a.Kind == AnomalyKind.Peers);
        Assert.Equal(400, hint.Value);
        Assert.Equal(50, hint.Compared);
        Assert.InRange(hint.Baseline, 40, 50);
        Assert.True(hint.Score > ReviewSettings.Defaults.AnomalyZ.ToDouble(), $"score {hint.Score}");
        Assert.All(peerFlags, f => Assert.Empty(f));
    }

    [Fact]
    public void Where_the_peers_do_not_vary_only_a_difference_past_the_absolute_floor_is_flagged()
    {
        // Nearly every agency reports 0 行政诉讼: the deviation is 0, so any non-zero value would have an infinite score.
        var suits = T2021.Cells.First(c => c.Kind == CellKind.Count && c.Code.StartsWith("s4.", StringComparison.Ordinal)).Code;
        var peers = Enumerable.Range(0, 30).Select(_ => (IReadOnlyDictionary<string, decimal>)Cells(30)).ToList();
        var two = new Dictionary<string, decimal>(Cells(30), StringComparer.Ordinal) { [suits] = 2 };
        var twelve = new Dictionary<string, decimal>(Cells(30), StringComparer.Ordinal) { [suits] = 12 };

        Assert.DoesNotContain(CellAnomalies.Find(T2021, two, [], peers, ReviewSettings.Defaults), a => a.Cell.Code == suits);
        var hint = Assert.Single(CellAnomalies.Find(T2021, twelve, [], peers, ReviewSettings.Defaults), a => a.Cell.Code == suits);
        Assert.Null(hint.Score);
        Assert.Equal(0, hint.Deviation);
    }

    [Fact]
    public void A_cell_that_jumped_against_the_agencys_earlier_years_is_flagged_with_those_years()
    {
        var earlier = new List<(int Year, IReadOnlyDictionary<string, decimal> Cells)> { (2021, Cells(30)), (2022, Cells(34)), (2023, Cells(28)) };

        var jumped = CellAnomalies.Find(T2021, Cells(160), earlier, [], ReviewSettings.Defaults);
        var steady = CellAnomalies.Find(T2021, Cells(45), earlier, [], ReviewSettings.Defaults);

        var hint = Assert.Single(jumped, a => a.Cell.Code == Received);
        Assert.Equal(AnomalyKind.Jump, hint.Kind);
        Assert.Equal(30, hint.Baseline);
        Assert.Equal(new[] { 2021, 2022, 2023 }, hint.History.Select(h => h.Year));
        Assert.DoesNotContain(steady, a => a.Cell.Code == Received);
    }
}

internal static class DecimalExtensions
{
    public static double ToDouble(this decimal value) => (double)value;
}
