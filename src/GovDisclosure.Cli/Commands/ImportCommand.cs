using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Import;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd import PATH… [--agency CODE | --agency-map FILE.csv] [--publish] [--report out.csv]: files and folders of
/// past reports (every format <see cref="ReportFile"/> reads) become historical reports of their agency and year,
/// through the same use case as the history upload page. The agency comes from --agency, else the map (a file-name
/// pattern or a folder name → agency code), else the document's own agency name matched against the agencies table.
/// Exit codes: 0 every file imported or already there, 1 some file failed, 2 wrong usage.
/// </summary>
public static class ImportCommand
{
    public const string Usage = "用法：gd import 文件或文件夹… [--agency 单位代码 | --agency-map 对照表.csv] [--publish] [--report 结果.csv] [--connection 连接字符串]\n  对照表每行：文件名模式（可含 * ?）或文件夹名,单位代码";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, progress: !Console.IsOutputRedirected);

    /// <param name="progress">Whether to draw a progress bar (stdout is a terminal).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool progress)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var rest = args.ToList();
        var connection = CliServices.TakeConnection(rest);
        string? agency = null, mapFile = null, reportFile = null;
        var publish = false;
        var paths = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            switch (rest[i])
            {
                case "-h" or "--help":
                    await stdout.WriteLineAsync(Usage);
                    return 0;
                case "--agency" when i + 1 < rest.Count:
                    agency = rest[++i];
                    break;
                case "--agency-map" when i + 1 < rest.Count:
                    mapFile = rest[++i];
                    break;
                case "--report" when i + 1 < rest.Count:
                    reportFile = rest[++i];
                    break;
                case "--publish":
                    publish = true;
                    break;
                default:
                    if (rest[i].StartsWith('-'))
                    {
                        await stderr.WriteLineAsync($"无法识别的参数：{rest[i]}");
                        await stderr.WriteLineAsync(Usage);
                        return 2;
                    }

                    paths.Add(rest[i]);
                    break;
            }
        }

        if (paths.Count == 0 || (agency is not null && mapFile is not null))
        {
            await stderr.WriteLineAsync(paths.Count == 0 ? "缺少要导入的文件或文件夹。" : "--agency 与 --agency-map 只能选一个。");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (connection is null)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        AgencyMap? map = null;
        if (mapFile is not null)
        {
            (map, var problem) = AgencyMap.Read(mapFile);
            if (map is null)
            {
                await stderr.WriteLineAsync(problem);
                return 2;
            }
        }

        var files = new List<(string Path, string Relative)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(ReportFile.IsSupported)
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(path, f))));
            }
            else if (File.Exists(path))
            {
                files.Add((path, Path.GetFileName(path)));
            }
            else
            {
                await stderr.WriteLineAsync($"文件或文件夹不存在：{path}");
                return 2;
            }
        }

        await using var services = CliServices.Build(connection);
        var user = Environment.UserName;
        // The operator is whoever ran the command on the server: named in the audit trail, as no portal account is involved.
        var actor = new Actor($"cli:{user}", $"命令行导入（{user}）", 0);
        var rows = new HistoryImportRow[files.Count];
        var done = 0;
        var bar = progress ? new ProgressBar(stdout, files.Count) : null;

        // Reading and rendering are CPU work, but each report also waits on PostgreSQL (which shares the cores) and on
        // its commits: two workers per core, each with its own scope (DbContext), keep the cores busy through those waits.
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount }, async (index, ct) =>
        {
            var (path, relative) = files[index];
            var file = await ReadAsync(path);
            var code = agency ?? map?.CodeFor(relative);
            await using var scope = services.CreateAsyncScope();
            var useCase = scope.ServiceProvider.GetRequiredService<ImportHistory>();
            HistoryImportRow row;
            try
            {
                row = await useCase.ExecuteAsync(actor, file, code, publish, ct: ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                row = new HistoryImportRow(file.FileName, code, file.Read?.Year, file.Read?.Definition.Name, file.Read?.Cells.Count ?? 0, file.ImportFindings.Count,
                    HistoryImportStatus.Failed, ReportInput.OneLine(e.GetBaseException().Message));
            }

            rows[index] = row with { File = relative };
            bar?.Advance(Interlocked.Increment(ref done), relative);
        });
        bar?.Finish();

        await stdout.WriteLineAsync("文件\t单位\t年度\t格式\t读取单元格\t提示\t结果");
        foreach (var row in rows)
        {
            await stdout.WriteLineAsync(string.Join('\t', row.File, row.AgencyCode ?? "—", row.Year?.ToString(CultureInfo.InvariantCulture) ?? "—", row.Template ?? "—",
                ReportInput.Count(row.CellsRead), ReportInput.Count(row.Findings), $"{HistoryImportRow.StatusText(row.Status)}：{row.Message}"));
        }

        var failed = rows.Count(r => r.Failed);
        await stdout.WriteLineAsync($"共{files.Count}个文件：导入{rows.Count(r => r.Status is HistoryImportStatus.Imported or HistoryImportStatus.Published)}个，"
            + $"已存在{rows.Count(r => r.Status is HistoryImportStatus.AlreadyImported or HistoryImportStatus.ReportExists)}个，失败{failed}个。");
        if (reportFile is not null)
        {
            await File.WriteAllTextAsync(reportFile, Csv(rows), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }

        return failed > 0 ? 1 : 0;
    }

    /// <summary>The result table as CSV (with a BOM, so Excel opens the Chinese correctly).</summary>
    public static string Csv(IEnumerable<HistoryImportRow> rows)
    {
        var csv = new StringBuilder("file,agency,year,template,cells_read,findings,status,message\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', new[]
            {
                row.File, row.AgencyCode ?? string.Empty, row.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row.Template ?? string.Empty,
                ReportInput.Count(row.CellsRead), ReportInput.Count(row.Findings), row.Status.ToString(), row.Message,
            }.Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static async Task<HistoryFile> ReadAsync(string path)
    {
        var name = Path.GetFileName(path);
        var (bytes, reason) = await ReportInput.ReadBytesAsync(path, () => Stream.Null);
        if (bytes is null)
        {
            return new HistoryFile(name, ReportFile.ContentType(name), [], null, [], reason);
        }

        try
        {
            var result = ReportFile.Read(name, bytes);
            return new HistoryFile(name, ReportFile.ContentType(name), bytes, result.Report, result.Findings, null);
        }
        catch (ReportFormatException e)
        {
            return new HistoryFile(name, ReportFile.ContentType(name), bytes, null, [], ReportInput.OneLine(e.Message));
        }
    }

    /// <summary>--agency-map: "pattern,code" lines; a pattern with * or ? matches the file name, any other names a folder on the path.</summary>
    internal sealed class AgencyMap(IReadOnlyList<(string Pattern, Regex? Glob, string Code)> entries)
    {
        public static (AgencyMap? Map, string Problem) Read(string path)
        {
            if (!File.Exists(path))
            {
                return (null, $"找不到单位对照表：{path}");
            }

            var entries = new List<(string, Regex?, string)>();
            var number = 0;
            foreach (var line in File.ReadAllLines(path))
            {
                number++;
                var text = line.Trim().TrimStart('\ufeff');
                if (text.Length == 0 || text.StartsWith('#') || (number == 1 && text.StartsWith("pattern", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var comma = text.LastIndexOf(',');
                if (comma <= 0 || comma == text.Length - 1)
                {
                    return (null, $"单位对照表第{number}行应为“文件名模式或文件夹名,单位代码”：{text}");
                }

                var pattern = text[..comma].Trim().Trim('"');
                var code = text[(comma + 1)..].Trim().Trim('"');
                var glob = pattern.IndexOfAny(['*', '?']) >= 0
                    ? new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
                        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                    : null;
                entries.Add((pattern, glob, code));
            }

            return (new AgencyMap(entries), string.Empty);
        }

        /// <summary>The first entry that matches, in the file's order.</summary>
        public string? CodeFor(string relativePath)
        {
            var name = Path.GetFileName(relativePath);
            var folders = Path.GetDirectoryName(relativePath)?.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries) ?? [];
            foreach (var (pattern, glob, code) in entries)
            {
                if (glob is not null ? glob.IsMatch(name) : folders.Contains(pattern, StringComparer.Ordinal))
                {
                    return code;
                }
            }

            return null;
        }
    }

    /// <summary>One line redrawn in place: [#####-----] 12/100 file.</summary>
    private sealed class ProgressBar(TextWriter output, int total)
    {
        private const int Width = 30;
        private readonly Lock gate = new();

        public void Advance(int done, string file)
        {
            lock (gate)
            {
                var filled = total == 0 ? Width : done * Width / total;
                var name = file.Length > 40 ? "…" + file[^39..] : file;
                output.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total} {name}".PadRight(Width + 60));
                output.Flush();
            }
        }

        public void Finish()
        {
            output.WriteLine();
        }
    }
}
