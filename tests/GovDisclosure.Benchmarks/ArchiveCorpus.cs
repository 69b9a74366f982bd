using System.Globalization;
using GovDisclosure.Tests.Shared.Archive;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// `archive --agencies N --out DIR`: writes the archive scripts/bench-import.sh imports (N agencies × four years:
/// JSON, .docx, PDF, JSON) with its agencies CSV and folder map; prints the three paths, one a line.
/// </summary>
public static class ArchiveCorpus
{
    public static int Run(string[] args)
    {
        var agencies = args.SkipWhile(a => a != "--agencies").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(250);
        var folder = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        if (folder is null)
        {
            Console.Error.WriteLine("usage: archive --agencies N --out DIR");
            return 2;
        }

        var fixtures = Path.GetDirectoryName(DocumentParseBenchmark.FixturePath("000_ffb7cb016be5db93.docx"))!;
        var (agencyCsv, map, files) = HistoryCorpus.Write(fixtures, folder, agencies);
        Console.WriteLine(agencyCsv);
        Console.WriteLine(map);
        Console.WriteLine(files);
        return 0;
    }
}
