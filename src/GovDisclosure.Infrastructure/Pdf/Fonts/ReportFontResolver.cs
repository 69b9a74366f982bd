using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace GovDisclosure.Infrastructure.Pdf.Fonts;

/// <summary>
/// PDFsharp's font resolver is one process-wide setting, so this resolver is a registry: every renderer
/// registers the faces it was configured with under a name derived from the file, and asks for them by
/// that name. Two renderers with different fonts therefore never disturb each other.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<CompactFace?>> Compacts = new(StringComparer.Ordinal);
    private static readonly Lock InitLock = new();
    private static bool initialized;

    private ReportFontResolver()
    {
    }

    /// <summary>Sets the AGPL licence and installs the resolver, once per process.</summary>
    public static void EnsureInstalled()
    {
        lock (InitLock)
        {
            if (initialized)
            {
                return;
            }

            // PDFsharp 6.5 is dual-licensed; this project is AGPL-3.0-or-later (docs/decisions/0001).
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new ReportFontResolver();
            }
            else if (GlobalFontSettings.FontResolver is not ReportFontResolver)
            {
                throw new InvalidOperationException("Another PDFsharp font resolver is already installed in this process.");
            }

            initialized = true;
        }
    }

    /// <summary>
    /// Loads a face (extracting it from a collection) and builds its compact face (docs/decisions/0012); returns the
    /// family names to give XFont. A face that cannot be made compact (not TrueType outlines) is used whole.
    /// </summary>
    public static ReportFace Register(FontSource source)
    {
        var name = "GD-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString())), 0, 6);
        var full = Faces.GetOrAdd(name, _ => TrueTypeCollection.ExtractFace(File.ReadAllBytes(source.Path), source.FaceIndex));
        var compact = Compacts.GetOrAdd(name, _ => new Lazy<CompactFace?>(() => TryCompact(full))).Value;
        if (compact is null)
        {
            return new ReportFace(name, name, null) { Source = source.ToString() };
        }

        Faces.TryAdd(name + "-C", compact.Bytes);
        return new ReportFace(name + "-C", name, compact) { Source = source.ToString() };
    }

    private static CompactFace? TryCompact(byte[] full)
    {
        try
        {
            return CompactFace.Build(full);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        Faces.ContainsKey(familyName)
            ? new FontResolverInfo(familyName, isBold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None)
            : null;

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var bytes) ? bytes : null;
}

/// <summary>
/// One configured face as two PDFsharp families: the compact face, for text whose every character it holds, and the
/// full face for any other run, so that no character is ever drawn as a missing glyph.
/// </summary>
internal sealed record ReportFace(string Compact, string Full, CompactFace? CompactFace)
{
    /// <summary>The configured font file, for the operator's log.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Where a run drawn with the full face is reported; none for a face registered outside a renderer.</summary>
    public FullFaceNotice? Notice { get; init; }

    public bool Covers(ReadOnlySpan<char> text) => CompactFace is null || CompactFace.Covers(text);

    /// <summary>
    /// Whether <paramref name="text"/> is drawn with the compact face; when it is not, the characters that sent it to
    /// the full face are logged (once each). Measuring uses <see cref="Covers"/>: only drawing is worth a warning.
    /// </summary>
    public bool DrawsWithCompact(ReadOnlySpan<char> text)
    {
        if (Covers(text))
        {
            return true;
        }

        Notice?.Drawn(this, text);
        return false;
    }

    /// <summary>The family that draws <paramref name="text"/>: the compact one when it can.</summary>
    public string FamilyFor(ReadOnlySpan<char> text) => DrawsWithCompact(text) ? Compact : Full;
}
