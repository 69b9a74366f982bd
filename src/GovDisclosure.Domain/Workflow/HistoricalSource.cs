using System.Security.Cryptography;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Workflow;

/// <summary>Where a report came from: filled in on the portal, or a past report imported as the record of what was published then.</summary>
public enum ReportOrigin
{
    Portal,

    /// <summary>历史报告，据原文导入: the source's numbers as they were, balanced or not, never edited on the portal.</summary>
    ImportedHistory,
}

/// <summary>
/// The original file of an imported historical report, kept byte for byte beside the data read from it: its name,
/// content type, SHA-256 (which makes re-importing the same file a no-op) and what the importer said about it.
/// </summary>
public sealed class HistoricalSource
{
    public const int FileNameMaxLength = 255;

    private HistoricalSource()
    {
    }

    internal HistoricalSource(AnnualReport report, string fileName, string contentType, byte[] bytes, IReadOnlyList<PublishedFinding> importFindings, Actor actor, DateTimeOffset at)
    {
        Report = report;
        FileName = fileName.Length > FileNameMaxLength ? fileName[^FileNameMaxLength..] : fileName;
        ContentType = contentType;
        Bytes = bytes;
        Sha256 = HashOf(bytes);
        ImportFindings = importFindings.ToList();
        ImportedById = actor.UserId;
        ImportedByName = actor.UserName;
        ImportedAt = at;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public AnnualReport? Report { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public byte[] Bytes { get; private set; } = [];

    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>; unique, so one file is imported once.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>What the importer could not read with confidence (IMPORT-…), published with the report.</summary>
    public IReadOnlyList<PublishedFinding> ImportFindings { get; private set; } = [];

    public string ImportedById { get; private set; } = string.Empty;

    public string ImportedByName { get; private set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; private set; }

    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
