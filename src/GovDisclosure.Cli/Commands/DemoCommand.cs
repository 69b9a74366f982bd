using System.Reflection;
using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd demo [--connection CS]: a small region with one account per role and the three sample reports (two
/// published, one in review) plus a draft, for trying the portal. Loads once; later runs only print the accounts.
/// </summary>
public static class DemoCommand
{
    public const string Usage = "用法：gd demo [--connection 连接字符串]";

    /// <summary>The samples shipped in DemoData/ (shared/samples): which demo report each becomes.</summary>
    internal static readonly (string File, string Role)[] SampleFiles =
    [
        ("000_ffb7cb016be5db93.txt", "办公室2020年度报告（已发布）"),
        ("001_34264c7ee48481bb.txt", "发展和改革局2020年度报告（审核中）"),
        ("003_07ea97a0e0dbb2b9.txt", "办公室2021年度报告（已发布）"),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.ToList();
        var connection = CliServices.TakeConnection(rest);
        if (rest.Count > 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (connection is null)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        // Every sample is imported before anything is written, so a sample the importer cannot read leaves the database untouched.
        var documents = new List<ReportDocument>();
        foreach (var (file, role) in SampleFiles)
        {
            try
            {
                documents.Add(ReportImporter.Import(ReadSample(file), file).Report);
            }
            catch (ReportFormatException e)
            {
                await stderr.WriteLineAsync($"示范报告 {file}（{role}）无法导入：{e.Message}");
                return 1;
            }
        }

        await using var services = CliServices.Build(connection);
        return await DemoData.LoadAsync(services, new DemoSamples(documents[0], documents[1], documents[2]), stdout, stderr);
    }

    private static byte[] ReadSample(string file)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
