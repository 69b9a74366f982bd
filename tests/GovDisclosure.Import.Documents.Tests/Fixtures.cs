using System.Runtime.CompilerServices;
using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>
/// The committed fixtures (Fixtures/README.md says how they were made) and the shared samples they were
/// made from, read from the source tree so no test depends on LibreOffice.
/// </summary>
internal static class Fixtures
{
    public static readonly string[] Samples = ["000_ffb7cb016be5db93", "001_34264c7ee48481bb", "003_07ea97a0e0dbb2b9"];

    public static string PathOf(string name) => Path.Combine(Folder(), "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static FileStream Open(string name) => File.OpenRead(PathOf(name));

    /// <summary>What the importer reads from the sample's original Word-extracted text: the expected cells.</summary>
    public static ReportDocument Original(string sample) => ReportImporter.Import(Bytes(sample + ".txt"), sample + ".txt").Report;

    public static ImportResult ImportHtml(string html) => ReportImporter.Import(html, ImportFormat.Html);

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

internal static class ReportAssert
{
    /// <summary>Every cell of the template equal to the original's, blanks blank; the differences listed by name.</summary>
    public static void SameCells(ReportDocument expected, ReportDocument actual)
    {
        Assert.Equal(expected.Template, actual.Template);
        var differences = expected.Definition.Cells
            .Where(c => expected.Cells.Get(c.Code) != actual.Cells.Get(c.Code))
            .Select(c => $"{c.DisplayName}: 应为 {Show(expected.Cells.Get(c.Code))}，读出 {Show(actual.Cells.Get(c.Code))}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>The narrative as written, ignoring only the spacing a page layout adds or drops.</summary>
    public static void SameSections(ReportDocument expected, ReportDocument actual)
    {
        foreach (var key in expected.Sections.Keys)
        {
            Assert.Equal(Squeeze(expected.SectionText(key)), Squeeze(actual.SectionText(key)));
        }
    }

    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Show(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空白";
}
