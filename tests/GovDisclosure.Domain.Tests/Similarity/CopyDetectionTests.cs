using System.Text.RegularExpressions;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Templates;
using static GovDisclosure.Domain.Tests.Rules.SampleNarratives;

namespace GovDisclosure.Domain.Tests.Similarity;

public partial class CopyDetectionTests
{
    private const int Agency = 7;
    private const int LastYearsReport = 101;

    // Two paragraphs of sample 000's 总体情况, as last year's report wrote them.
    private const string Platform = "做深平台，加强立体化多维度公开，不断提升政府门户网站功能，丰富门户网站内容，统一信息公开页面和专栏，设立“新冠肺炎疫情防控政策公开”等4个专题专栏，优化重点领域信息公开栏目下属15个子栏目。";
    private const string Supervision = "制发《宁波市鄞州区人民政府办公室关于印发鄞州区政府信息公开社会评议办法的通知》，加强社会评议工作；全年政府信息公开责任追究情况无。";

    private const string Citation = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特向社会公布本年度政府信息公开工作年度报告。";
    private const string Closing = "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。本报告的电子版可以在门户网站查阅或下载。如对本报告有任何疑问，请与政府信息公开工作机构联系。";

    private static readonly Func<SimilaritySource, bool> Everything = _ => true;

    [Fact]
    public void A_report_whose_overview_copies_last_years_is_flagged_with_the_matching_passage()
    {
        var index = new SimilarityIndex();
        index.Add(LastYearsReport, Agency, 2020, SourceStatus.Published, Sections(Sample000Overview));
        const string fresh = "2021年，区政府办公室围绕优化营商环境，把基层政务公开标准化建设作为年度重点，逐项对照清单补齐短板。\n";
        var overview = fresh + Platform + "\n" + "全年组织两次专题调研，听取企业和群众对公开内容的意见建议，形成问题清单并逐条销号。";

        var section = Overview(index.Check(202, Agency, Sections(overview), Everything));

        var match = Assert.Single(section.Matches);
        Assert.Equal(new SimilaritySource(LastYearsReport, Agency, 2020, SectionKeys.Overview, SourceStatus.Published), match.Source);
        var passage = Assert.Single(match.Passages);
        Assert.Equal(fresh.Length, passage.Start);
        Assert.Equal(Platform.TrimEnd('。'), passage.Text);
        Assert.Equal(passage.Text, overview.Substring(passage.Start, passage.Length));
        Assert.InRange(section.Percent, 35, 60);
    }

    [Fact]
    public void A_report_that_shares_only_the_statutory_boilerplate_is_not_flagged()
    {
        var index = new SimilarityIndex();
        // Short narratives, so that the shared boilerplate would be most of each text if it counted.
        index.Add(LastYearsReport, Agency, 2020, SourceStatus.Published, Sections(Boilerplated("本年度，我局结合机构改革，调整了信息公开工作领导小组成员，明确专人负责网站栏目更新。", 2020)));

        var section = Overview(index.Check(202, Agency, Sections(Boilerplated("今年区政府办公室依托政务服务中心设立了政府信息查阅点，方便群众就近查阅。", 2021)), Everything));

        Assert.Empty(section.Matches);
        Assert.Equal(0, section.Percent);
    }

    [Fact]
    public void The_boilerplate_reads_the_headings_and_table_labels_from_the_templates()
    {
        var boilerplate = StatutoryBoilerplate.Default;
        var phrases = new[]
        {
            Citation, Closing, "四、政府信息公开行政复议、行政诉讼情况", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "本年收费金额（单位：万元）", "5.要求行政机关确认或重新出具已获取信息", "第二十条第（九）项",
        };

        Assert.All(phrases, p => Assert.All(boilerplate.StatutoryShingles(ShingledText.From(p)), s => Assert.True(s, $"「{p}」 is boilerplate")));
        Assert.DoesNotContain(true, boilerplate.StatutoryShingles(ShingledText.From(Platform)));
    }

    [Fact]
    public void A_copy_with_its_numbers_changed_and_a_sentence_inserted_is_still_flagged()
    {
        var index = new SimilarityIndex();
        index.Add(LastYearsReport, Agency, 2020, SourceStatus.Published, Sections(Sample000Overview));
        const string inserted = "今年还首次邀请人大代表和政协委员走进办公室，现场评议公开网站的栏目设置与更新频率。";
        var renumbered = Digits().Replace(Sample000Overview, m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var at = renumbered.IndexOf("平台建设", StringComparison.Ordinal);
        var edited = renumbered[..at] + inserted + "\n" + renumbered[at..].Replace("加强社会评议工作", "强化社会评议工作", StringComparison.Ordinal);

        var section = Overview(index.Check(202, Agency, Sections(edited), Everything));

        var match = Assert.Single(section.Matches);
        Assert.Equal(LastYearsReport, match.Source.ReportId);
        Assert.InRange(section.Percent, 85, 100);
        Assert.True(match.Passages.Count >= 2, "the inserted sentence splits the repeated text");
        var insertedAt = edited.IndexOf(inserted, StringComparison.Ordinal);
        Assert.DoesNotContain(match.Passages, p => p.Start < insertedAt + inserted.Length && insertedAt < p.Start + p.Length);
        Assert.Contains(match.Passages, p => p.Text.Contains("2021年，鄞州区政府办公室政务公开工作", StringComparison.Ordinal));
    }

    [Fact]
    public void The_filter_hides_a_source_the_viewer_may_not_see_and_it_counts_in_no_percentage()
    {
        var index = new SimilarityIndex();
        index.Add(301, 8, 2021, SourceStatus.Submitted, Sections(Sample000Overview));
        Func<SimilaritySource, bool> publishedOrOwnAgency = s => s.Status == SourceStatus.Published || s.AgencyId == Agency;

        var hidden = Overview(index.Check(202, Agency, Sections(Sample000Overview), publishedOrOwnAgency));
        index.Add(302, 9, 2020, SourceStatus.Published, Sections(Sample000Overview));
        var shown = Overview(index.Check(202, Agency, Sections(Sample000Overview), publishedOrOwnAgency));

        Assert.Empty(hidden.Matches);
        Assert.Equal(0, hidden.Percent);
        var match = Assert.Single(shown.Matches);
        Assert.Equal(302, match.Source.ReportId);
        Assert.Equal(100, shown.Percent);
    }

    [Fact]
    public void A_report_is_never_its_own_source_and_a_corrected_report_replaces_its_old_text()
    {
        var index = new SimilarityIndex();
        index.Add(LastYearsReport, Agency, 2020, SourceStatus.Published, Sections(Sample000Overview));

        Assert.Empty(Overview(index.Check(LastYearsReport, Agency, Sections(Sample000Overview), Everything)).Matches);

        index.Add(LastYearsReport, Agency, 2020, SourceStatus.Published, Sections(Sample003Overview));

        Assert.Empty(Overview(index.Check(202, Agency, Sections(Sample000Overview), Everything)).Matches);
        Assert.Equal(100, Overview(index.Check(202, Agency, Sections(Sample003Overview), Everything)).Percent);
        Assert.Equal(1, index.ReportCount);
    }

    [Fact]
    public void Percentages_are_the_share_of_the_checked_text_found_in_the_source_whatever_the_index_order()
    {
        var half = Sample000Overview[..(Sample000Overview.Length / 2)];
        var checkedText = half + Sample003Problems;
        var reports = new (int Id, string Text)[] { (1, Sample000Overview), (2, Sample001Overview), (3, Sample003Overview), (4, Sample001Problems) };
        var forward = new SimilarityIndex();
        var backward = new SimilarityIndex();
        foreach (var (id, text) in reports)
        {
            forward.Add(id, id, 2020, SourceStatus.Published, Sections(text));
        }

        foreach (var (id, text) in reports.Reverse())
        {
            backward.Add(id, id, 2020, SourceStatus.Published, Sections(text));
        }

        var first = Overview(forward.Check(202, null, Sections(checkedText), Everything));
        var again = Overview(forward.Check(202, null, Sections(checkedText), Everything));
        var reversed = Overview(backward.Check(202, null, Sections(checkedText), Everything));

        var checkedSet = Counted(checkedText);
        var sourceSet = Counted(Sample000Overview);
        var expected = (double)checkedSet.Intersect(sourceSet).Count() / checkedSet.Count;
        Assert.Equal(expected, first.Containment, 12);
        Assert.Equal(SectionSimilarity.ToPercent(expected), first.Percent);
        Assert.InRange(first.Percent, 30, 70);
        Assert.Equal(first.Matches.Select(m => (m.Source, m.Containment, m.Jaccard)), again.Matches.Select(m => (m.Source, m.Containment, m.Jaccard)));
        Assert.Equal(first.Matches.Select(m => (m.Source, m.Containment, m.Jaccard)), reversed.Matches.Select(m => (m.Source, m.Containment, m.Jaccard)));
        Assert.Equal(first.Matches.SelectMany(m => m.Passages), reversed.Matches.SelectMany(m => m.Passages));
    }

    [Fact]
    public void A_half_percent_rounds_the_same_way_everywhere()
    {
        Assert.Equal(13, SectionSimilarity.ToPercent(0.125));
        Assert.Equal(12, SectionSimilarity.ToPercent(0.1249));
        Assert.Equal(100, SectionSimilarity.ToPercent(1));
    }

    [Fact]
    public void Numbers_are_one_character_class_so_changed_figures_leave_the_shingles_equal()
    {
        var last = ShingledText.From("主动公开政府信息11500余条，其中2020年新增3,168条。");
        var next = ShingledText.From("主动公开政府信息１２０００余条，其中2021年新增4,002条。");

        Assert.Equal(last.Normalised, next.Normalised);
        Assert.Equal(last.Hashes, next.Hashes);
        Assert.Equal("主动公开政府信息#余条其中#年新增#条", last.Normalised);
    }

    private static HashSet<uint> Counted(string text)
    {
        var shingled = ShingledText.From(text);
        var statutory = StatutoryBoilerplate.Default.StatutoryShingles(shingled);
        return shingled.Hashes.Where((_, i) => !statutory[i]).ToHashSet();
    }

    private static Dictionary<string, string> Sections(string overview) => new() { [SectionKeys.Overview] = overview };

    private static SectionSimilarity Overview(IReadOnlyList<SectionSimilarity> result) => result.Single(s => s.SectionKey == SectionKeys.Overview);

    /// <summary>A narrative dressed as an extraction leaves it: the citation, the section heading, a table's labels and the closing paragraph.</summary>
    private static string Boilerplated(string narrative, int year)
    {
        var table = string.Join('\n', ReportTemplates.T2021.Table("s3").Rows.Take(8).Select(r => r.Label));
        return $"{Citation}\n一、总体情况\n{narrative}\n三、收到和处理政府信息公开申请情况\n{table}\n{Closing.Replace("2021", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}";
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
