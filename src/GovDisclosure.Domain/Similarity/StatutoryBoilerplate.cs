using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Similarity;

/// <summary>
/// The text every report shares because the format prescribes it: section headings, table captions,
/// row and column labels (read from <see cref="ReportTemplates.All"/>, so a new template brings its
/// own labels), the 条例 citation and the standard opening and closing sentences, plus any sentences a
/// region adds. Their shingles never count as copying. Boilerplate that is common by habit rather
/// than by statute is found by document frequency in <see cref="SimilarityIndex"/> instead.
/// </summary>
public sealed class StatutoryBoilerplate
{
    /// <summary>
    /// The sentences of the 条例 citation and the format's standard paragraphs, as agencies write them.
    /// Numbers are a class (ShingledText), so the years and 文号 in them need not match.
    /// </summary>
    public static readonly IReadOnlyList<string> StandardSentences =
    [
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定",
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求",
        "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求",
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制",
        "特向社会公布本年度政府信息公开工作年度报告",
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成",
        "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止",
        "本报告的电子版可以在门户网站查阅或下载",
        "如对本报告有任何疑问，请与政府信息公开工作机构联系",
        "政府信息公开工作年度报告",
        "按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定",
        "本年度未收取信息处理费",
        "本年度无其他需要报告的事项",
        "无其他需要报告的事项",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    ];

    private readonly HashSet<uint> shingles;

    // Normalised phrases by their first two characters: the labels shorter than a shingle (自然人, 总计) are found this way.
    private readonly Dictionary<int, string[]> phrasesByPrefix;

    private StatutoryBoilerplate(HashSet<uint> shingles, Dictionary<int, string[]> phrasesByPrefix)
    {
        this.shingles = shingles;
        this.phrasesByPrefix = phrasesByPrefix;
    }

    /// <summary>The templates' headings and labels and <see cref="StandardSentences"/>.</summary>
    public static StatutoryBoilerplate Default { get; } = Create([]);

    /// <summary>Adds a region's own boilerplate sentences (e.g. its standard closing paragraph).</summary>
    public static StatutoryBoilerplate Create(IEnumerable<string> extraSentences)
    {
        var set = new HashSet<uint>();
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in TemplatePhrases().Concat(StandardSentences).Concat(extraSentences))
        {
            var text = ShingledText.From(phrase);
            set.UnionWith(text.Hashes);
            if (text.Normalised.Length >= 2)
            {
                phrases.Add(text.Normalised);
            }
        }

        var byPrefix = phrases
            .GroupBy(p => Prefix(p, 0))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray());
        return new StatutoryBoilerplate(set, byPrefix);
    }

    /// <summary>Whether a shingle, wherever it stands, is one a boilerplate phrase contains.</summary>
    public bool Contains(uint shingle) => shingles.Contains(shingle);

    /// <summary>
    /// Which shingles of a text are boilerplate: those whose every character lies in boilerplate, found either as a
    /// shingle of a boilerplate phrase or as a whole phrase. So the seams between two boilerplate sentences (the
    /// citation followed by 「特向社会公布…」, one table label after another) are boilerplate too, while a narrative
    /// shingle that merely touches a label (其他 in 「其他方式公开」) still counts.
    /// </summary>
    public bool[] StatutoryShingles(ShingledText text)
    {
        var normalised = text.Normalised;
        var covered = new bool[normalised.Length];
        var hashes = text.Hashes;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (shingles.Contains(hashes[i]))
            {
                covered.AsSpan(i, ShingledText.Size).Fill(true);
            }
        }

        for (var i = 0; i + 1 < normalised.Length; i++)
        {
            if (!phrasesByPrefix.TryGetValue(Prefix(normalised, i), out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                if (i + phrase.Length <= normalised.Length && string.CompareOrdinal(normalised, i, phrase, 0, phrase.Length) == 0)
                {
                    covered.AsSpan(i, phrase.Length).Fill(true);
                    break;
                }
            }
        }

        var statutory = new bool[hashes.Length];
        var run = 0;
        for (var c = 0; c < covered.Length; c++)
        {
            run = covered[c] ? run + 1 : 0;
            if (run >= ShingledText.Size)
            {
                statutory[c - ShingledText.Size + 1] = true;
            }
        }

        return statutory;
    }

    private static int Prefix(string s, int at) => (s[at] << 16) | s[at + 1];

    internal int Count => shingles.Count;

    /// <summary>Every heading, caption and label the templates draw: what an extraction of the tables leaves in a section's text.</summary>
    internal static IEnumerable<string> TemplatePhrases()
    {
        foreach (var template in ReportTemplates.All)
        {
            yield return template.Name;
            yield return template.Basis;
            foreach (var section in template.Sections)
            {
                yield return section.Heading;
                foreach (var variant in section.HeadingVariants)
                {
                    yield return variant;
                }

                foreach (var table in section.Tables)
                {
                    if (table.Caption is not null)
                    {
                        yield return table.Caption;
                    }

                    foreach (var cell in table.HeaderRows.Concat(table.BodyRows).SelectMany(r => r.Cells))
                    {
                        if (cell.Text is not null)
                        {
                            yield return cell.Text;
                        }
                    }

                    foreach (var row in table.Rows)
                    {
                        foreach (var label in row.AllLabels)
                        {
                            yield return label;
                        }

                        if (row.GroupLabel is not null)
                        {
                            yield return row.GroupLabel;
                        }

                        foreach (var cell in row.Cells)
                        {
                            yield return cell.ColumnLabel;
                            yield return cell.RowName;
                        }
                    }
                }
            }
        }
    }
}
