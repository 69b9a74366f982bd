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

    /// <summary>Loads a face (extracting it from a collection) and returns the family name to give XFont.</summary>
    public static string Register(FontSource source)
    {
        var name = "GD-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString())), 0, 6);
        Faces.GetOrAdd(name, _ => TrueTypeCollection.ExtractFace(File.ReadAllBytes(source.Path), source.FaceIndex));
        return name;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        Faces.ContainsKey(familyName)
            ? new FontResolverInfo(familyName, isBold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None)
            : null;

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var bytes) ? bytes : null;
}
