using System.Globalization;
using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Cli.Commands;

/// <summary>What gd parse, gd check and gd render share: arguments, reading a file or standard input within the size limit.</summary>
internal static class ReportInput
{
    internal sealed record Options(string? File, string? Previous, string Format, bool Help);

    /// <summary>
    /// Parses the arguments and imports FILE. Without a result, the exit code to return: 0 after --help,
    /// 2 for wrong usage or input that is not a report (the reason already written to stderr).
    /// </summary>
    public static async Task<(Options Options, ImportResult? Result, int Exit)> StartAsync(
        string[] args, string usage, bool allowPrevious, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!TryParseArguments(args, allowPrevious, out var options, out var problem))
        {
            await stderr.WriteLineAsync(problem);
            await stderr.WriteLineAsync(usage);
            return (options, null, 2);
        }

        if (options.Help)
        {
            await stdout.WriteLineAsync(usage);
            return (options, null, 0);
        }

        var (result, reason) = await ReadAsync(options.File!, stdin);
        if (result is null)
        {
            await stderr.WriteLineAsync(reason);
            return (options, null, 2);
        }

        return (options, result, 0);
    }

    public static bool TryParseArguments(string[] args, bool allowPrevious, out Options options, out string problem)
    {
        string? file = null;
        string? previous = null;
        var format = "text";
        var formatGiven = false;
        options = new Options(null, null, format, false);
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    options = options with { Help = true };
                    return true;
                case "--format" when i + 1 < args.Length:
                    format = args[++i];
                    formatGiven = true;
                    if (format is not ("json" or "text"))
                    {
                        problem = $"--format 只能是 json 或 text：{format}";
                        return false;
                    }

                    break;
                case "--previous" when allowPrevious && i + 1 < args.Length:
                    previous = args[++i];
                    break;
                default:
                    if ((args[i].StartsWith('-') && args[i] != "-") || file is not null)
                    {
                        problem = $"无法识别的参数：{args[i]}";
                        return false;
                    }

                    file = args[i];
                    break;
            }
        }

        if (file is null)
        {
            problem = "缺少要读取的文件（用 - 表示标准输入）。";
            return false;
        }

        // gd parse prints the interchange JSON unless asked for text; gd check prints lines unless asked for JSON.
        options = new Options(file, previous, formatGiven ? format : allowPrevious ? "text" : "json", false);
        return true;
    }

    /// <summary>Reads and imports (any format <see cref="ReportFile"/> reads); on failure returns the one-line Chinese reason instead.</summary>
    public static async Task<(ImportResult? Result, string Reason)> ReadAsync(string path, Func<Stream> stdin)
    {
        var (bytes, reason) = await ReadBytesAsync(path, stdin);
        if (bytes is null)
        {
            return (null, reason);
        }

        try
        {
            // Standard input has no name: it is read as text, as before.
            return (ReportFile.Read(path == "-" ? "stdin" : Path.GetFileName(path), bytes), string.Empty);
        }
        catch (ReportFormatException e)
        {
            return (null, $"无法读取 {(path == "-" ? "标准输入" : path)}：{OneLine(e.Message)}");
        }
    }

    /// <summary>The file's bytes within <see cref="ReportFile.MaxBytes"/>, or the one-line reason it could not be read.</summary>
    public static async Task<(byte[]? Bytes, string Reason)> ReadBytesAsync(string path, Func<Stream> stdin)
    {
        try
        {
            if (path == "-")
            {
                await using var input = stdin();
                return (await ReadLimitedAsync(input), string.Empty);
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, $"文件不存在：{path}");
            }

            // Refused before reading: a file far larger than any report costs nothing.
            if (info.Length > ReportFile.MaxBytes)
            {
                return (null, $"无法读取 {path}：文件过大（{info.Length / 1024 / 1024}MB），年度报告文件不超过{ReportFile.MaxBytes / 1024 / 1024}MB。");
            }

            return (await File.ReadAllBytesAsync(path), string.Empty);
        }
        catch (IOException e)
        {
            return (null, $"无法读取 {path}：{e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            return (null, $"无权读取 {path}。");
        }
    }

    public static string OneLine(Finding finding) => OneLine(finding.ToString());

    public static string OneLine(string text) => text.ReplaceLineEndings(" ");

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task<byte[]> ReadLimitedAsync(Stream input)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ReportImporter.MaxBytes)
            {
                // Importing says why in the same words as for a file.
                break;
            }
        }

        return buffer.ToArray();
    }
}
