using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd check FILE [--previous FILE] [--format json]: imports a report and prints what the importer and every
/// rule have to say, one finding a line (rule id, message, cell codes). Exit codes: 0 no error (warnings
/// allowed), 1 a rule is broken or values could not be placed, 2 not a report or wrong usage.
/// </summary>
public static class CheckCommand
{
    public const string Usage = "用法：gd check 文件|- [--previous 上一年度报告文件] [--format json|text]";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, Console.OpenStandardInput);

    /// <param name="stdin">Opens standard input; tests pass their own.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var (options, result, exit) = await ReportInput.StartAsync(args, Usage, allowPrevious: true, stdout, stderr, stdin);
        if (result is null)
        {
            return exit;
        }

        ReportDocument? previous = null;
        if (options.Previous is not null)
        {
            var (previousResult, previousReason) = await ReportInput.ReadAsync(options.Previous, stdin);
            if (previousResult is null)
            {
                await stderr.WriteLineAsync($"上一年度报告：{previousReason}");
                return 2;
            }

            previous = previousResult.Report;
            if (previous.Year != result.Report.Year - 1)
            {
                await stderr.WriteLineAsync($"注意：--previous 是{previous.Year}年度报告，不是{result.Report.Year - 1}年度，未做跨年度核对（X-1至X-4）。");
            }
        }

        // Importer findings first within each severity: a value that was not imported explains rule findings about it.
        var findings = result.Findings
            .Concat(ReportChecker.Check(result.Report, previous))
            .OrderBy(f => f.Severity)
            .ToList();
        var errors = findings.Count(f => f.IsError);
        var warnings = findings.Count - errors;

        if (options.Format == "json")
        {
            // The interchange document with its findings (report-templates.md §12.4): one JSON a tool can
            // both load and act on.
            await stdout.WriteLineAsync(InterchangeJson.Write(result.Report, includeDerived: false, findings));
        }
        else
        {
            foreach (var finding in findings)
            {
                await stdout.WriteLineAsync(ReportInput.OneLine(finding));
            }

            var report = result.Report;
            await stdout.WriteLineAsync(errors == 0 && warnings == 0
                ? $"{report.Title}（{report.Year}年度，{report.Definition.Name}）：未发现问题。"
                : $"{report.Title}（{report.Year}年度，{report.Definition.Name}）：错误{ReportInput.Count(errors)}项，警告{ReportInput.Count(warnings)}项。");
        }

        return errors > 0 ? 1 : 0;
    }
}
