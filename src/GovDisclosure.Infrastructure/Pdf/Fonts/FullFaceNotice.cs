using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace GovDisclosure.Infrastructure.Pdf.Fonts;

/// <summary>
/// Tells the operator, once per character and face for the renderer's lifetime (the process, for the web and gd), that
/// a character outside the compact face made a run embed the full face (docs/decisions/0012). Such a PDF is still
/// correct, but costs what every PDF cost before the compact faces; a character that keeps showing up here is the
/// evidence for growing the repertoire.
/// </summary>
internal sealed partial class FullFaceNotice(ILogger logger)
{
    private readonly ConcurrentDictionary<(string Face, int CodePoint), bool> told = new();

    public void Drawn(ReportFace face, ReadOnlySpan<char> text)
    {
        if (face.CompactFace is not { } compact)
        {
            return;
        }

        Span<char> one = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf16(one);
            if (!compact.Covers(one[..length]) && told.TryAdd((face.Full, rune.Value), true))
            {
                FullFaceUsed(logger, rune.ToString(), rune.Value, face.Source);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF: character {Character} (U+{CodePoint:X4}) is not in the compact face of {Face}; runs holding it embed the full face (docs/decisions/0012)")]
    private static partial void FullFaceUsed(ILogger logger, string character, int codePoint, string face);
}
