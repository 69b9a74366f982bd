namespace GovDisclosure.Import;

/// <summary>
/// Rule ids of what the importer has to say (docs/importers.md). Like the rule ids of the checker they are
/// part of the interchange contract: an id never changes meaning.
/// </summary>
public static class ImportRuleIds
{
    /// <summary>Error: values that could not be placed with confidence; they are not imported.</summary>
    public const string Unplaced = "IMPORT-UNPLACED";

    /// <summary>Error: the same row written twice with different values; the first is kept.</summary>
    public const string Duplicate = "IMPORT-DUPLICATE";

    /// <summary>Error when a whole statutory table is missing; warning when some of its rows are.</summary>
    public const string Missing = "IMPORT-MISSING";

    /// <summary>Warning: a row one value short whose missing cell the row's own total determines.</summary>
    public const string Inferred = "IMPORT-INFERRED";

    /// <summary>Warning: an amount written without a unit; the unit assumed is stated.</summary>
    public const string Unit = "IMPORT-UNIT";

    /// <summary>Warning: an amount finer than 4 places of 万元 (one yuan), rounded.</summary>
    public const string Rounded = "IMPORT-ROUNDED";

    /// <summary>Warning: the template found by structure is not the one the report year calls for.</summary>
    public const string Template = "IMPORT-TEMPLATE";

    /// <summary>Warning: no report year found in the title or text.</summary>
    public const string Year = "IMPORT-YEAR";

    /// <summary>Warning: no agency found in the title, the title block, the signature or the page's publisher line.</summary>
    public const string Agency = "IMPORT-AGENCY";
}
