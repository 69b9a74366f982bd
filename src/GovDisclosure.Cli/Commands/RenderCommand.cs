using System.Globalization;
using GovDisclosure.Application.Common;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Pdf.Fonts;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd render FILE [-o OUT.pdf] [--date YYYY-MM-DD] [--watermark 文字]: the published PDF of one report.
/// FILE is interchange JSON (.json) or any format the importer reads. Exit codes: 0 written, 1 the input
/// or a font is unusable, 2 wrong usage.
/// </summary>
public static class RenderCommand
{
    public const string Usage = "用法：gd render 文件 [-o 输出.pdf] [--date 年-月-日] [--watermark 水印文字]";

    /// <param name="args">The arguments after the verb.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? input = null;
        string? output = null;
        DateTimeOffset? date = null;
        string? watermark = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-o" or "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--date" when i + 1 < args.Length:
                    if (!DateTimeOffset.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
                    {
                        stderr.WriteLine($"日期格式应为 年-月-日，例如 2022-01-31：{args[i]}");
                        return 2;
                    }

                    date = d;
                    break;
                case "--watermark" when i + 1 < args.Length:
                    watermark = args[++i];
                    break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    if (args[i].StartsWith('-') || input is not null)
                    {
                        stderr.WriteLine($"无法识别的参数：{args[i]}");
                        stderr.WriteLine(Usage);
                        return 2;
                    }

                    input = args[i];
                    break;
            }
        }

        if (input is null)
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        output ??= Path.ChangeExtension(input, ".pdf");
        // The same reading as gd parse and gd check: size limit before reading, one-line reasons.
        var (result, reason) = await ReportInput.ReadAsync(input, Console.OpenStandardInput);
        if (result is null)
        {
            await stderr.WriteLineAsync(reason);
            return 1;
        }

        try
        {
            var bytes = new PdfSharpReportRenderer().Render(result.Report, new PdfRenderOptions(date, watermark));
            await File.WriteAllBytesAsync(output, bytes);
            await stdout.WriteLineAsync($"已生成 {output}（{bytes.Length:N0} 字节）");
            return 0;
        }
        catch (FontNotFoundException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
