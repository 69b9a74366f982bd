using GovDisclosure.Infrastructure.Public;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>What one revision adds to the rollup (decisions/0010): sums and blank counts, never a row for a 0 shown as 0.</summary>
public sealed class RollupDeltaTests
{
    private static readonly string[] Codes = ["a", "b", "c", "d"];

    [Fact]
    public void A_first_publication_adds_its_values_and_its_blanks_and_nothing_for_its_zeros()
    {
        var added = new Dictionary<string, decimal> { ["a"] = 5m, ["b"] = 0m, ["d"] = 0m };

        var delta = PublicRecordWriter.Delta(Codes, added, removed: null);

        Assert.Equal([("a", 5m, 0), ("c", 0m, 1)], delta);
    }

    [Fact]
    public void A_correction_adds_only_what_changed_against_the_revision_it_replaces()
    {
        var removed = new Dictionary<string, decimal> { ["a"] = 5m, ["b"] = 0m, ["d"] = 2m };
        var added = new Dictionary<string, decimal> { ["a"] = 5m, ["c"] = 0m, ["d"] = 7m };

        var delta = PublicRecordWriter.Delta(Codes, added, removed);

        // b: 0 → blank; c: blank → 0; d: 2 → 7; a unchanged.
        Assert.Equal([("b", 0m, 1), ("c", 0m, -1), ("d", 5m, 0)], delta);
    }
}
