using System.Globalization;
using GovDisclosure.Domain.Import;
using GovDisclosure.Domain.Reports;
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
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
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
        try
        {
            var report = Read(input);
            var renderer = new PdfSharpReportRenderer();
            var bytes = renderer.Render(report, new PdfRenderOptions(date, watermark));
            File.WriteAllBytes(output, bytes);
            stdout.WriteLine($"已生成 {output}（{bytes.Length:N0} 字节）");
            return 0;
        }
        catch (FileNotFoundException)
        {
            stderr.WriteLine($"文件不存在：{input}");
            return 1;
        }
        catch (ReportFormatException ex)
        {
            stderr.WriteLine($"无法读取报告 {input}：{ex.Message}");
            return 1;
        }
        catch (FontNotFoundException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }

    private static ReportDocument Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return InterchangeJson.Read(System.Text.Encoding.UTF8.GetString(bytes));
        }

        return ReportImporter.Import(bytes, Path.GetFileName(path)).Report;
    }
}
