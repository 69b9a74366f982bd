namespace GovDisclosure.Domain.Rules;

/// <summary>
/// The rule ids findings carry (report-templates.md §6, §8). They are part of the interchange contract and of
/// the key a 说明 is attached to, so an id never changes meaning.
/// </summary>
public static class RuleIds
{
    public const string ColumnBalance = "R3-A";
    public const string ProcessedTotal = "R3-C";
    public const string RowTotal = "R3-D";
    public const string CarriedOutBound = "R3-E";
    public const string AppealTotal = "R4-A";
    public const string WholeNumber = "R-INT";
    public const string Amount = "R2-U";

    public const string BlankAsZero = "W_BLANK_AS_ZERO";
    public const string FeeUnit = "W_UNIT_FEE";
    public const string Period = "W_PERIOD";
    public const string Narrative = "W_NARRATIVE";
    public const string RulesIssuer = "W_RULES_ISSUER";
    public const string NoFeeStatement = "W_NO_FEE_STATEMENT";

    /// <summary>A rule not applied because cells it needs were not read by the importer (unknown, not 0).</summary>
    public const string Unchecked = "W_UNCHECKED";

    /// <summary>雷同: a section largely repeats an earlier or another agency's published report.</summary>
    public const string Copied = "W_COPY";

    public const string CarriedOverAcrossYears = "X-1";
    public const string EffectiveDocuments = "X-2";
    public const string PreviousItemCount = "X-3";
    public const string RepealedBound = "X-4";

    /// <summary>Every id in the order findings of equal position are listed.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        WholeNumber, Amount, ColumnBalance, ProcessedTotal, RowTotal, CarriedOutBound, AppealTotal,
        BlankAsZero, FeeUnit, RulesIssuer, CarriedOverAcrossYears, EffectiveDocuments, PreviousItemCount, RepealedBound,
        Period, Narrative, NoFeeStatement, Unchecked, Copied,
    ];
}

/// <summary>What a W_NARRATIVE finding compares, as stored in its <c>subject</c> term (a key, so its wording can change).</summary>
public static class NarrativeSubjects
{
    public const string Requests = "requests";
    public const string Review = "review";
    public const string Suits = "suits";
}
