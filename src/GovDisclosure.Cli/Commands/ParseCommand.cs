using System.Globalization;
using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd parse FILE [--format json|text]: reads a published report (.docx, .pdf, .txt, .md, .html/.htm or interchange .json;
/// "-" is standard input) and prints the interchange JSON. What the importer could not place goes to
/// standard error, one finding a line. Exit codes: 0 read, 1 read but some values could not be placed,
/// 2 not a report (or wrong usage), with a one-line reason.
/// </summary>
public static class ParseCommand
{
    public const string Usage = "用法：gd parse 文件|- [--format json|text]";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, Console.OpenStandardInput);

    /// <param name="stdin">Opens standard input; tests pass their own.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var (options, result, exit) = await ReportInput.StartAsync(args, Usage, allowPrevious: false, stdout, stderr, stdin);
        if (result is null)
        {
            return exit;
        }

        if (options.Format == "text")
        {
            var report = result.Report;
            await stdout.WriteLineAsync($"{report.Title}（{report.Agency}，{report.Year}年度，{report.Definition.Name}）");
            foreach (var cell in report.Definition.Cells)
            {
                if (report.Cells.Get(cell.Code) is { } value)
                {
                    await stdout.WriteLineAsync($"{cell.Code}\t{InterchangeJson.FormatValue(cell.Kind, value)}\t{cell.DisplayName}");
                }
            }
        }
        else
        {
            await stdout.WriteLineAsync(InterchangeJson.Write(result.Report));
        }

        foreach (var finding in result.Findings)
        {
            await stderr.WriteLineAsync(ReportInput.OneLine(finding));
        }

        return result.Findings.Any(f => f.IsError) ? 1 : 0;
    }
}
