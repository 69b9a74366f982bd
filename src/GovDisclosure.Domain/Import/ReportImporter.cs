using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Import;

public enum ImportFormat
{
    /// <summary>Decide from the content (and the file extension when there is one).</summary>
    Auto,
    Text,
    Markdown,
    Html,
    Json,
}

/// <summary>What an import produced: the report and what the importer has to say about it.</summary>
public sealed record ImportResult(ReportDocument Report, IReadOnlyList<Finding> Findings);

/// <summary>Reads published reports (plain text from Word, Markdown pipe tables, HTML tables, interchange JSON).</summary>
public static class ReportImporter
{
    /// <summary>Imports from text. Throws <see cref="ReportFormatException"/> when the input is not a report at all.</summary>
    public static ImportResult Import(string content, ImportFormat format = ImportFormat.Auto) =>
        throw new NotImplementedException("STUB: the importer issue implements this.");

    /// <summary>Imports from raw bytes (size-limited, encoding-checked), with the file name's extension as a format hint.</summary>
    public static ImportResult Import(ReadOnlySpan<byte> bytes, string? fileName = null) =>
        throw new NotImplementedException("STUB: the importer issue implements this.");
}
