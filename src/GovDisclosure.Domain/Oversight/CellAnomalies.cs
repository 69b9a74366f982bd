using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Oversight;

public enum AnomalyKind
{
    /// <summary>Far from the agency's own earlier years.</summary>
    Jump,

    /// <summary>Far from the agencies of the same kind in the region for the same year.</summary>
    Peers,
}

/// <summary>One earlier year's value of a cell.</summary>
public sealed record YearValue(int Year, decimal Value);

/// <summary>
/// A hint for the reviewer, with the numbers behind it: the cell, its value and what it was compared with.
/// </summary>
/// <param name="Baseline">The earlier years' median (Jump) or the peers' median (Peers).</param>
/// <param name="Deviation">The peers' median absolute deviation; 0 when they do not vary (then the floor decided).</param>
/// <param name="Score">The robust z-score; null where the deviation is 0.</param>
/// <param name="Compared">How many earlier years or peers the baseline was taken from.</param>
/// <param name="History">The earlier years' values (Jump only).</param>
public sealed record CellAnomaly(
    CellDefinition Cell, AnomalyKind Kind, decimal Value, decimal Baseline, decimal Deviation, double? Score, int Compared, IReadOnlyList<YearValue> History);

/// <summary>
/// Cells a reviewer may want to look at twice: a value that jumped against the agency's earlier years, or one far from
/// its peers of the same kind by robust z-score on the median absolute deviation (MAD). Most 复议 and 诉讼 cells are 0
/// for nearly everyone, so the MAD is often 0 and any non-zero value would have an infinite score: there the absolute
/// floor alone decides, and it also keeps a difference of a few 件 from ever being flagged. Hints only: nothing here
/// blocks a report.
/// </summary>
public static class CellAnomalies
{
    /// <summary>Fewer peers than this say nothing about what is usual.</summary>
    public const int MinPeers = 8;

    /// <summary>The consistency constant that makes the MAD estimate a normal distribution's standard deviation (Iglewicz and Hoaglin).</summary>
    private const double MadScale = 0.6745;

    public static IReadOnlyList<CellAnomaly> Find(
        TemplateDefinition definition,
        IReadOnlyDictionary<string, decimal> cells,
        IReadOnlyList<(int Year, IReadOnlyDictionary<string, decimal> Cells)> earlierYears,
        IReadOnlyList<IReadOnlyDictionary<string, decimal>> peers,
        ReviewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(earlierYears);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(settings);
        var found = new List<CellAnomaly>();
        foreach (var cell in definition.Cells.Where(c => c.Kind == CellKind.Count))
        {
            if (!cells.TryGetValue(cell.Code, out var value))
            {
                continue;
            }

            // A cell compared with its own history first: a reviewer reads "jumped against last years" before "unlike others".
            var history = earlierYears
                .Where(y => y.Cells.ContainsKey(cell.Code))
                .OrderBy(y => y.Year)
                .Select(y => new YearValue(y.Year, y.Cells[cell.Code]))
                .ToList();
            if (history.Count > 0)
            {
                var baseline = Median(history.Select(h => h.Value).ToList());
                if (Jumped(value, baseline, settings))
                {
                    found.Add(new CellAnomaly(cell, AnomalyKind.Jump, value, baseline, 0, null, history.Count, history));
                }
            }

            var peerValues = peers.Where(p => p.ContainsKey(cell.Code)).Select(p => p[cell.Code]).ToList();
            if (peerValues.Count < MinPeers)
            {
                continue;
            }

            var median = Median(peerValues);
            var deviation = Median(peerValues.Select(v => Math.Abs(v - median)).ToList());
            var difference = Math.Abs(value - median);
            if (difference < settings.AnomalyFloor)
            {
                continue;
            }

            if (deviation == 0)
            {
                found.Add(new CellAnomaly(cell, AnomalyKind.Peers, value, median, 0, null, peerValues.Count, []));
                continue;
            }

            var score = MadScale * (double)(value - median) / (double)deviation;
            if (Math.Abs(score) >= (double)settings.AnomalyZ)
            {
                found.Add(new CellAnomaly(cell, AnomalyKind.Peers, value, median, deviation, score, peerValues.Count, []));
            }
        }

        return found;
    }

    private static bool Jumped(decimal value, decimal baseline, ReviewSettings settings)
    {
        if (Math.Abs(value - baseline) < settings.AnomalyFloor)
        {
            return false;
        }

        // From or to nothing is a jump once the floor is passed; otherwise the ratio either way.
        return baseline == 0 || value == 0 || value >= baseline * settings.JumpRatio || value * settings.JumpRatio <= baseline;
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
