namespace GovDisclosure.Domain.Reports;

/// <summary>
/// A warning as it was published with a revision: the facts (rule, cells, numbers, terms) and the 说明 the agency
/// wrote for it, never the finished sentence, so that <see cref="Rules.FindingText"/> can word it better later
/// without running the rules again (they may have changed since, and last year's report may have been corrected).
/// </summary>
/// <param name="RuleId">The rule's id (W_BLANK_AS_ZERO, X-1, …), kept as data; the public page shows its plain name.</param>
/// <param name="Severity">Always a warning for a published report; kept so the record reads on its own.</param>
/// <param name="Key">The <see cref="Finding.Key"/> the 说明 was written under.</param>
/// <param name="Anchor">What the finding is about when the cells are not its identity (the table, for blank cells).</param>
/// <param name="CellCodes">The cells concerned, in the rule's order.</param>
/// <param name="Numbers">The numbers the rule compared (see <see cref="Finding.Numbers"/>); empty for a 说明 whose warning was gone.</param>
/// <param name="Terms">The non-numeric facts (see <see cref="Finding.Terms"/>).</param>
/// <param name="Explanation">The agency's 说明, or null when none was written.</param>
public sealed record PublishedFinding(
    string RuleId,
    FindingSeverity Severity,
    string Key,
    string? Anchor,
    IReadOnlyList<string> CellCodes,
    IReadOnlyDictionary<string, decimal> Numbers,
    IReadOnlyDictionary<string, string> Terms,
    string? Explanation)
{
    /// <summary>The term holding an importer finding's own sentence (IMPORT-… findings of a historical report).</summary>
    public const string ImportMessageTerm = "importMessage";

    public static PublishedFinding From(Finding finding, string? explanation)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new PublishedFinding(
            finding.RuleId, finding.Severity, finding.Key, finding.Anchor, finding.CellCodes.ToList(),
            new Dictionary<string, decimal>(finding.Numbers, StringComparer.Ordinal),
            new Dictionary<string, string>(finding.Terms, StringComparer.Ordinal),
            string.IsNullOrWhiteSpace(explanation) ? null : explanation);
    }

    /// <summary>
    /// What a revision publishes: each warning with its 说明, then every 说明 whose warning no longer arises (last year's
    /// report was corrected between saving and publishing) with only what its key says, since it was written for the public too.
    /// </summary>
    public static IReadOnlyList<PublishedFinding> ForPublication(IEnumerable<Finding> findings, IReadOnlyDictionary<string, string> explanations)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(explanations);
        var warnings = findings.Where(f => !f.IsError).ToList();
        var list = warnings.Select(w => From(w, explanations.GetValueOrDefault(w.Key))).ToList();
        var keys = warnings.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, text) in explanations.Where(e => !keys.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            list.Add(FromKey(key, text));
        }

        return list;
    }

    /// <summary>A finding known only by its key ("RULE", "RULE:cell,cell" or "RULE@anchor", see <see cref="Finding.Key"/>).</summary>
    private static PublishedFinding FromKey(string key, string explanation)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var rule = at >= 0 ? key[..at] : colon >= 0 ? key[..colon] : key;
        IReadOnlyList<string> cells = at < 0 && colon >= 0 ? key[(colon + 1)..].Split(',') : [];
        return new PublishedFinding(
            rule, FindingSeverity.Warning, key, at >= 0 ? key[(at + 1)..] : null, cells,
            FindingFacts.None.Numbers, FindingFacts.None.Terms, explanation);
    }
}
