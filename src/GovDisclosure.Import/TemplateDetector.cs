using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import;

/// <summary>
/// Decides which of the catalogue's templates a document uses, from evidence the definitions name: header cues
/// (<see cref="ImportCues.HeaderCues"/>) and rows that only some templates have. The year decides a tie.
/// </summary>
internal static class TemplateDetector
{
    /// <summary>A row only some templates have, with values, weighs more than a header: a header may be copied from a model report, values are not.</summary>
    private const int RowWeight = 2;

    public static TemplateDefinition Detect(TemplateCatalog catalog, IEnumerable<Token> tokens, IReadOnlyList<Run> runs, int? year, List<Finding> findings)
    {
        var evidence = catalog.All.ToDictionary(d => d.Version, _ => 0);
        foreach (var token in tokens.Where(t => t.Kind == TokenKind.Text))
        {
            foreach (var version in token.Meaning?.Evidence ?? [])
            {
                evidence[version]++;
            }
        }

        foreach (var run in runs.Where(r => r.HasNumbers))
        {
            var having = catalog.All.Where(d => RowKeys.Find(d, run.RowKey) is not null).ToList();
            if (having.Count < catalog.All.Count)
            {
                // A row the other templates lack says which one this is; one that no template has says nothing.
                foreach (var definition in having)
                {
                    evidence[definition.Version] += RowWeight;
                }
            }
        }

        var best = evidence.Values.Max();
        var leaders = catalog.All.Where(d => evidence[d.Version] == best).ToList();
        if (leaders.Count > 1)
        {
            var byYear = year is { } y ? catalog.ForYear(y) : null;
            return byYear is not null && leaders.Contains(byYear) ? byYear : leaders[^1];
        }

        var winner = leaders[0];
        var others = catalog.All.Where(d => d != winner && evidence[d.Version] > 0).ToList();
        if (others.Count > 0)
        {
            findings.Add(new Finding(ImportRuleIds.Template, FindingSeverity.Warning, [],
                $"表格同时含有{string.Join("和", others.Prepend(winner).OrderBy(d => d.FirstYear).Select(d => d.Edition))}的表头，已按多数特征识别为{winner.Edition}格式，请核对。"));
        }

        return winner;
    }
}
