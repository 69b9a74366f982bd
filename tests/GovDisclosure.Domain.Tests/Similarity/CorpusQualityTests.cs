using GovDisclosure.Benchmarks.Similarity;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Templates;
using static GovDisclosure.Domain.Tests.Rules.SampleNarratives;

namespace GovDisclosure.Domain.Tests.Similarity;

/// <summary>The similarity benchmark's corpus and scoring at a tenth of its size: quality only, no timing.</summary>
public class CorpusQualityTests
{
    [Fact]
    public void Among_a_thousand_varied_reports_the_planted_copies_are_found_with_recall_and_precision_of_at_least_ninety_percent()
    {
        var seeds = new[]
        {
            Seed(Sample000Overview, Sample000Problems, Sample000Other),
            Seed(Sample001Overview, Sample001Problems, Sample001Other),
            Seed(Sample003Overview, Sample003Problems, Sample003Other),
        };
        var corpus = NarrativeCorpus.Build(seeds, reports: 1_000, planted: 60);

        var result = SimilarityEvaluation.Run(corpus, new SimilarityOptions(), extraChecks: 150);

        Assert.True(result.Recall >= 0.9, $"recall {result.Recall:F3}; missed: {string.Join("; ", result.Misses)}");
        Assert.True(result.Precision >= 0.9, $"precision {result.Precision:F3}; false positives: {string.Join("; ", result.FalsePositives)}");
        Assert.True(result.Named >= result.Planted, "a copy is named when its source is checked as well");
    }

    [Fact]
    public void Unrelated_generated_reports_share_phrases_without_being_copies()
    {
        // The corpus is only a fair test if unrelated reports are not disjoint: they must share some shingles.
        var corpus = NarrativeCorpus.Build([Seed(Sample000Overview, Sample000Problems, Sample000Other), Seed(Sample003Overview, Sample003Problems, Sample003Other)], reports: 50, planted: 0);
        var sets = corpus.Reports.Select(r => ShingledText.From(r.Sections[SectionKeys.Overview]).Hashes.ToHashSet()).ToList();

        var sharing = sets.Skip(1).Count(s => s.Overlaps(sets[0]));

        Assert.True(sharing > 10, $"only {sharing} of 49 reports share a shingle with the first");
    }

    private static Dictionary<string, string> Seed(string overview, string problems, string other) => new()
    {
        [SectionKeys.Overview] = overview,
        [SectionKeys.Problems] = problems,
        [SectionKeys.Other] = other,
    };
}
