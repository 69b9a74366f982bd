using System.Globalization;
using System.IO.Compression;
using System.Text;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Import;

namespace GovDisclosure.Tests.Shared.Archive;

/// <summary>
/// A region's archive of past reports for `gd import` at scale (the benchmark and its short run in the Cli tests):
/// one folder per agency with four years in four shapes — 2019 and 2022 as interchange JSON, 2020 as the .docx
/// fixture, 2021 as the LibreOffice PDF fixture — plus the agencies CSV for `gd agency import` and the folder → code
/// map. Every file differs from every other in its bytes (the import skips a file it has seen by SHA-256): the JSON
/// names its agency, the .docx gets a closing paragraph naming the copy, the PDF a comment after %%EOF.
/// </summary>
internal static class HistoryCorpus
{
    private const string Word = "000_ffb7cb016be5db93.docx";
    private const string Pdf = "003_07ea97a0e0dbb2b9.pdf";
    private const string T2019 = "001_34264c7ee48481bb.txt";
    private const string T2021 = "003_07ea97a0e0dbb2b9.txt";

    /// <summary>Files per agency.</summary>
    public const int YearsPerAgency = 4;

    /// <param name="fixtures">tests/GovDisclosure.Import.Documents.Tests/Fixtures.</param>
    /// <returns>The agencies CSV and the agency map, both inside <paramref name="folder"/>'s parent.</returns>
    public static (string AgenciesCsv, string MapCsv, string Files) Write(string fixtures, string folder, int agencies)
    {
        var files = Path.Combine(folder, "archive");
        Directory.CreateDirectory(files);
        var word = File.ReadAllBytes(Path.Combine(fixtures, Word));
        var pdf = File.ReadAllBytes(Path.Combine(fixtures, Pdf));
        var report2019 = ReportFile.Read(T2019, File.ReadAllBytes(Path.Combine(fixtures, T2019))).Report;
        report2019.Year = 2019;
        var report2022 = ReportFile.Read(T2021, File.ReadAllBytes(Path.Combine(fixtures, T2021))).Report;
        report2022.Year = 2022;

        var agencyCsv = new StringBuilder("code,name,kind,level,parent_code\nARC,档案测试市人民政府,人民政府,设区的市级,\n");
        var map = new StringBuilder("pattern,code\n");
        for (var n = 1; n <= agencies; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"ARC{n:D4}");
            var name = string.Create(CultureInfo.InvariantCulture, $"档案测试市第{n}局");
            agencyCsv.Append(CultureInfo.InvariantCulture, $"{code},{name},政府部门,设区的市级,ARC\n");
            map.Append(CultureInfo.InvariantCulture, $"{code},{code}\n");
            var dir = Directory.CreateDirectory(Path.Combine(files, code)).FullName;

            foreach (var (report, year) in new[] { (report2019, 2019), (report2022, 2022) })
            {
                report.Agency = name;
                report.Title = $"{name}{year}年政府信息公开工作年度报告";
                File.WriteAllText(Path.Combine(dir, $"{year}.json"), InterchangeJson.Write(report));
            }

            File.WriteAllBytes(Path.Combine(dir, "2020.docx"), MarkWord(word, code));
            File.WriteAllBytes(Path.Combine(dir, "2021.pdf"), [.. pdf, .. Encoding.ASCII.GetBytes($"\n% archive copy {code}\n")]);
        }

        var agenciesPath = Path.Combine(folder, "agencies.csv");
        var mapPath = Path.Combine(folder, "agency-map.csv");
        File.WriteAllText(agenciesPath, agencyCsv.ToString());
        File.WriteAllText(mapPath, map.ToString());
        return (agenciesPath, mapPath, files);
    }

    /// <summary>The .docx with one more paragraph at the end of its body (before the section properties).</summary>
    private static byte[] MarkWord(byte[] docx, string code)
    {
        using var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            var at = xml.LastIndexOf("<w:sectPr", StringComparison.Ordinal);
            xml = xml.Insert(at < 0 ? xml.LastIndexOf("</w:body>", StringComparison.Ordinal) : at, $"<w:p><w:r><w:t>档案副本 {code}</w:t></w:r></w:p>");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        return copy.ToArray();
    }
}
