using System.Text.RegularExpressions;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Web.Tests;

/// <summary>
/// "Adding a format means adding one definition" holds only while nothing outside the definitions names a template or a
/// cell: a renderer that spells 「s3.received.total」 or branches on T2021 would silently ignore a third template.
/// </summary>
public sealed partial class TemplateSpellingTests
{
    /// <summary>The issue allows this many mentions outside the definitions, each with a comment saying why.</summary>
    private const int AllowedCommentedMentions = 2;

    [Fact]
    public void Outside_the_template_definitions_no_source_line_spells_a_cell_code_or_a_template_version()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var definitions = Path.Combine(src, "GovDisclosure.Domain", "Templates") + Path.DirectorySeparatorChar;
        var spelled = Spelled();

        var mentions = new List<string>();
        var uncommented = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
                     .Where(f => !f.StartsWith(definitions, StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = WithoutComment(lines[i]);
                if (!spelled.IsMatch(code))
                {
                    continue;
                }

                var where = $"{Path.GetRelativePath(src, file)}:{i + 1}: {lines[i].Trim()}";
                mentions.Add(where);
                var explained = code.Length < lines[i].Length || (i > 0 && IsComment(lines[i - 1]));
                if (!explained)
                {
                    uncommented.Add(where);
                }
            }
        }

        Assert.True(uncommented.Count == 0, "Spelled without a comment saying why:\n" + string.Join("\n", uncommented));
        Assert.True(mentions.Count <= AllowedCommentedMentions, $"More than {AllowedCommentedMentions} mentions outside the definitions:\n" + string.Join("\n", mentions));
    }

    [Theory]
    [InlineData("var total = report.Cells[\"s3.received.total\"];")]
    [InlineData("var code = $\"s4.{group}.total\";")]
    [InlineData("var table = definition.Table(\"s3\");")]
    [InlineData("if (report.Template != TemplateVersion.T2021)")]
    [InlineData("var key = \"T2019\";")]
    [InlineData("const cell = document.querySelector(\"[data-code='s3.granted.natural']\");")]
    public void The_check_recognises_a_cell_code_a_prefix_a_table_and_a_version(string line) =>
        Assert.Matches(Spelled(), WithoutComment(line));

    [Theory]
    [InlineData("// T2021 adds the 行政许可 row.")]
    [InlineData("/// <summary>Compares T2021 with T2019.</summary>")]
    [InlineData("var sums = definition.Sums; // the definition's own, e.g. s3.received.total")]
    [InlineData("var href = \"https://example.gov.cn/s3.html\";")]
    public void Comments_and_ordinary_text_are_not_mentions(string line) =>
        Assert.DoesNotMatch(Spelled(), WithoutComment(line));

    /// <summary>
    /// A literal that is, or starts with, a cell code or table id of the national templates (「s3」, 「s3.received.total」,
    /// 「s4.{group}」), or a template key anywhere in code (TemplateVersion.T2021, "T2019").
    /// </summary>
    private static Regex Spelled()
    {
        var all = TemplateCatalog.Default.All;
        var heads = all.SelectMany(d => d.Cells).Select(c => c.Code.Split('.')[0])
            .Concat(all.SelectMany(d => d.Sections).SelectMany(s => s.Tables).Select(t => t.Id.Split('.')[0]))
            .Distinct(StringComparer.Ordinal)
            .Select(Regex.Escape);
        var versions = all.Select(d => Regex.Escape(d.Version.Key));
        return new Regex($$"""(?<=["'`])(?:{{string.Join("|", heads)}})(?:\.[\w{]|["'`])|\b(?:{{string.Join("|", versions)}})\b""", RegexOptions.CultureInvariant);
    }

    private static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*') || trimmed.StartsWith("/*", StringComparison.Ordinal)
            || trimmed.StartsWith("@*", StringComparison.Ordinal);
    }

    /// <summary>The line's code: nothing of a comment line, and a trailing 「// ...」 cut off (not the 「//」 of an address).</summary>
    private static string WithoutComment(string line)
    {
        if (IsComment(line))
        {
            return string.Empty;
        }

        var trailing = TrailingComment().Match(line);
        return trailing.Success ? line[..trailing.Index] : line;
    }

    [GeneratedRegex(@"(?<![:""'])\s//")]
    private static partial Regex TrailingComment();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovDisclosure.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GovDisclosure.sln not found above the test directory.");
    }
}
