using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Benchmarks.Similarity;

/// <summary>
/// A corpus of varied report narratives for the 雷同 benchmark and its short test run: the seed reports'
/// clauses recombined into new sentences and reworded (synonyms, agency and place names, numbers), so
/// unrelated reports share phrases as real ones do without being copies; then planted copies, each a
/// section taken 50–100 % from another report's section and edited (numbers changed, synonyms swapped,
/// a sentence inserted). Deterministic for a given seed. Compiled into the domain tests as well.
/// </summary>
public sealed partial class NarrativeCorpus
{
    /// <param name="CopiedShare">Share of the copy's sentences taken from the source.</param>
    public sealed record PlantedCopy(int CopyReportId, string SectionKey, int SourceReportId, double CopiedShare);

    public sealed record Report(int ReportId, int AgencyId, int Year, string Agency, Dictionary<string, string> Sections);

    private static readonly string[][] Synonyms =
    [
        ["加强", "强化", "加大", "深化"],
        ["提升", "提高", "增强"],
        ["进一步", "持续", "不断"],
        ["政务公开", "政府信息公开", "公开工作"],
        ["群众", "公众", "社会公众", "市民"],
        ["认真", "切实", "扎实"],
        ["及时", "按时", "第一时间"],
        ["规范", "完善", "健全", "优化"],
        ["平台", "载体", "渠道"],
        ["开展", "组织", "推进", "实施"],
        ["发布", "公布", "推送"],
        ["培训", "业务培训", "专题培训"],
        ["监督", "监管", "督查"],
        ["落实", "执行", "贯彻"],
        ["确保", "保证", "保障"],
        ["围绕", "聚焦", "紧扣"],
        ["工作人员", "干部职工", "经办人员"],
        ["丰富", "充实", "拓展"],
        ["重点", "关键", "核心"],
        ["制度", "机制", "办法"],
        ["通知", "意见", "方案"],
        ["领域", "方面", "板块"],
        ["全面", "全方位", "系统"],
        ["有效", "切实有效", "显著"],
    ];

    private static readonly string[] PlaceChars = [.. "东西南北新长安和平宁嘉兴宝山清河石城云龙金华阳江海光明永春泉德丰庆福文景瑞昌"
        .Select(c => c.ToString())];

    private static readonly string[] Departments =
    [
        "人民政府办公室", "发展和改革局", "教育局", "财政局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
        "农业农村局", "卫生健康局", "市场监督管理局", "民政局", "司法局", "人力资源和社会保障局", "应急管理局",
        "文化和旅游局", "统计局", "医疗保障局", "水利局", "商务局",
    ];

    private static readonly string[] SeedPlaces = ["宁波市", "鄞州区", "北仑区", "新华区", "鄞州", "北仑", "新华", "宁波"];

    private static readonly string[] Fillers =
    [
        "按照年初工作部署", "对照考核要求", "结合本单位实际", "在上级部门的指导下", "立足职能定位", "以群众需求为导向",
        "坚持问题导向", "主动对接上级部门", "严格按照时限要求", "围绕中心工作",
    ];

    private static readonly string[] StatutoryOpening =
    [
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特向社会公布本年度政府信息公开工作年度报告。",
        "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
        "本报告的电子版可以在门户网站查阅或下载。如对本报告有任何疑问，请与政府信息公开工作机构联系。",
    ];

    private readonly Dictionary<string, List<string>> clausesByKey;
    private readonly Random random;

    private NarrativeCorpus(Dictionary<string, List<string>> clausesByKey, int seed)
    {
        this.clausesByKey = clausesByKey;
        random = new Random(seed);
    }

    public List<Report> Reports { get; } = [];

    public List<PlantedCopy> Planted { get; } = [];

    /// <summary>Builds the corpus from seed narratives (section key → text of each seed report).</summary>
    public static NarrativeCorpus Build(IEnumerable<IReadOnlyDictionary<string, string>> seeds, int reports, int planted, int seed = 20261201)
    {
        var clauses = SectionKeys.All.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var report in seeds)
        {
            foreach (var (key, text) in report)
            {
                foreach (var clause in ClauseSplit().Split(text).Select(Clean).Where(c => c.Count(IsIdeograph) >= 6))
                {
                    clauses[key].Add(clause);
                }
            }
        }

        // Sections the seeds leave nearly empty borrow from all: a generated report always has something to say there.
        var all = clauses.Values.SelectMany(c => c).Distinct().ToList();
        foreach (var key in SectionKeys.All.Where(k => clauses[k].Count < 20))
        {
            clauses[key].AddRange(all);
        }

        var corpus = new NarrativeCorpus(clauses, seed);
        corpus.Generate(reports, planted);
        return corpus;
    }

    private void Generate(int count, int planted)
    {
        const int years = 4;
        for (var id = 1; id <= count; id++)
        {
            var agencyId = ((id - 1) / years) + 1;
            var year = 2020 + ((id - 1) % years);
            var agency = AgencyName(agencyId);
            var sections = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in SectionKeys.All)
            {
                var text = Section(key, agency);
                if (text.Length > 0)
                {
                    sections[key] = text;
                }
            }

            Reports.Add(new Report(id, agencyId, year, agency, sections));
        }

        // Copies and sources are disjoint, so every copy relation in the corpus is a planted one.
        var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToList();
        var copies = order.Take(planted).ToList();
        var sources = order.Skip(planted).Take(planted).ToList();
        for (var i = 0; i < copies.Count; i++)
        {
            var copy = Reports[copies[i]];
            var source = Reports[sources[i]];
            var key = random.Next(3) switch { 0 => SectionKeys.Problems, _ => SectionKeys.Overview };
            var share = 0.5 + (random.NextDouble() * 0.5);
            copy.Sections[key] = Copy(source.Sections[key], share, source.Agency, copy.Agency, key);
            Planted.Add(new PlantedCopy(copy.ReportId, key, source.ReportId, share));
        }
    }

    private string Section(string key, string agency)
    {
        var (min, max) = key switch
        {
            SectionKeys.Overview => (6, 12),
            SectionKeys.Problems => (4, 8),
            SectionKeys.Requests => (1, 3),
            SectionKeys.Proactive or SectionKeys.Appeals => (0, 2),
            _ => (0, 1),
        };
        var n = random.Next(min, max + 1);
        var text = new StringBuilder();
        if (key == SectionKeys.Overview && random.NextDouble() < 0.7)
        {
            text.Append(StatutoryOpening[0]).Append('\n');
        }

        for (var i = 0; i < n; i++)
        {
            text.Append(Sentence(key, agency)).Append(random.NextDouble() < 0.3 ? "\n" : string.Empty);
        }

        if (key == SectionKeys.Other && n == 0)
        {
            text.Append(random.NextDouble() < 0.5 ? "无。" : "本年度无其他需要报告的事项。");
        }

        if (key == SectionKeys.Overview && random.NextDouble() < 0.5)
        {
            text.Append('\n').Append(StatutoryOpening[1]).Append(StatutoryOpening[2]);
        }

        return text.ToString();
    }

    private string Sentence(string key, string agency)
    {
        var pool = clausesByKey[key];
        var parts = new List<string>();
        if (random.NextDouble() < 0.35)
        {
            parts.Add(Fillers[random.Next(Fillers.Length)]);
        }

        var n = random.Next(2, 5);
        for (var i = 0; i < n; i++)
        {
            parts.Add(Reword(Splice(pool), agency, 0.6));
        }

        return string.Join('，', parts) + "。";
    }

    /// <summary>
    /// A clause recombined below the clause level: one seed clause continued, at a character pair they share, by
    /// another, once or twice. Three seed reports hold only a few hundred clauses; without this every pair of
    /// generated reports would share whole clauses, which real reports of different agencies rarely do.
    /// </summary>
    private string Splice(List<string> pool)
    {
        var clause = pool[random.Next(pool.Count)];
        var splices = random.Next(1, 3);
        for (var s = 0; s < splices; s++)
        {
            var other = pool[random.Next(pool.Count)];
            for (var attempt = 0; attempt < 8; attempt++)
            {
                if (clause.Length < 6)
                {
                    break;
                }

                var i = random.Next(3, clause.Length - 2);
                var j = other.IndexOf(clause.Substring(i, 2), StringComparison.Ordinal);
                if (j >= 0 && j + 2 < other.Length)
                {
                    clause = clause[..i] + other[j..];
                    break;
                }
            }
        }

        return clause.Length > 60 ? clause[..60] : clause;
    }

    /// <summary>A copy of <paramref name="source"/>: about <paramref name="share"/> of its sentences kept in order, the rest new; then edited.</summary>
    private string Copy(string source, double share, string sourceAgency, string agency, string key)
    {
        // The statutory sentences are not what is copied (every report has them), so they count neither way.
        var sentences = SentenceSplit().Split(source).Where(s => s.Length > 0 && !StatutoryOpening.Any(o => o.Contains(s.Trim(), StringComparison.Ordinal))).ToList();
        var kept = sentences.Where(_ => random.NextDouble() < share + 0.1).ToList();
        if (kept.Count == 0)
        {
            kept.Add(sentences[0]);
        }

        // New sentences make up the rest, so that about `share` of the copy's characters come from the source.
        var result = kept.Select(s => Edit(s.Replace(ShortName(sourceAgency), ShortName(agency), StringComparison.Ordinal))).ToList();
        var copied = result.Sum(s => s.Length);
        var total = copied;
        while (total < copied / share)
        {
            var sentence = Sentence(key, agency);
            result.Insert(random.Next(result.Count + 1), sentence);
            total += sentence.Length;
        }

        return string.Concat(result.Select(s => s.EndsWith('。') || s.EndsWith('\n') ? s : s + "。"));
    }

    /// <summary>What a filler does to last year's text: new numbers everywhere, a word swapped here and there.</summary>
    private string Edit(string sentence)
    {
        var numbers = Number().Replace(sentence, _ => random.Next(1, 30000).ToString(CultureInfo.InvariantCulture));
        return Reword(numbers, null, 0.1);
    }

    private string Reword(string clause, string? agency, double rate)
    {
        var result = clause;
        foreach (var group in Synonyms)
        {
            foreach (var word in group)
            {
                if (result.Contains(word, StringComparison.Ordinal) && random.NextDouble() < rate)
                {
                    result = result.Replace(word, group[random.Next(group.Length)], StringComparison.Ordinal);
                    break;
                }
            }
        }

        if (agency is not null)
        {
            foreach (var place in SeedPlaces)
            {
                result = result.Replace(place, ShortName(agency), StringComparison.Ordinal);
            }

            result = Number().Replace(result, _ => random.Next(1, 30000).ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }

    private static string AgencyName(int agencyId)
    {
        var place = PlaceChars[agencyId % PlaceChars.Length] + PlaceChars[(agencyId / PlaceChars.Length) % PlaceChars.Length]
            + (agencyId % 3 == 0 ? "县" : "区");
        return place + Departments[(agencyId / 7) % Departments.Length];
    }

    private static string ShortName(string agency) => agency[..3];

    private static string Clean(string clause) => Enumerator().Replace(clause.Trim(), string.Empty).Trim();

    private static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex("[。；！？，：、,;:!?\n]+")]
    private static partial Regex ClauseSplit();

    [GeneratedRegex("(?<=[。\n])")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^([（(][一二三四五六七八九十0-9]+[）)]|[0-9一二三四五六七八九十]+[.、．])\s*")]
    private static partial Regex Enumerator();
}
