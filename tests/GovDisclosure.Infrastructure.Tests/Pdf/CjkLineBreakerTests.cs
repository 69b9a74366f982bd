using GovDisclosure.Infrastructure.Pdf.Layout;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

public sealed class CjkLineBreakerTests
{
    /// <summary>Every character one unit wide, so widths are character counts.</summary>
    private sealed class Monospace : ITextMeasurer
    {
        public double Width(ReadOnlySpan<char> text) => text.Length;
    }

    private static readonly Monospace Mono = new();

    [Fact]
    public void A_comma_that_would_start_a_line_takes_the_character_before_it_along()
    {
        // Five per line would put «，» at the start of line two.
        var lines = CjkLineBreaker.Break("第一项加第，二项之和", 5, Mono);

        Assert.Equal(["第一项加", "第，二项之", "和"], lines);
    }

    [Fact]
    public void An_opening_bracket_never_ends_a_line()
    {
        var lines = CjkLineBreaker.Break("制发了《条例》文件", 3, Mono);

        Assert.All(lines, l => Assert.False(CjkLineBreaker.IsOpening(l[^1]), $"line ends with an opening mark: {l}"));
        Assert.Equal("制发了《条例》文件", string.Concat(lines));
    }

    [Fact]
    public void No_line_ever_starts_with_closing_punctuation_or_ends_with_opening_punctuation()
    {
        const string alphabet = "政府信息公开工作年度报告，。、；：？！）」』》”’（「『《“‘";
        var random = new Random(20211231);
        for (var trial = 0; trial < 2000; trial++)
        {
            // Realistic text: never two marks of the same kind in a row, so a legal break always exists.
            var chars = new List<char>();
            var length = random.Next(5, 80);
            while (chars.Count < length)
            {
                var c = alphabet[random.Next(alphabet.Length)];
                var isMark = CjkLineBreaker.IsClosing(c) || CjkLineBreaker.IsOpening(c);
                if (isMark && chars.Count > 0 && (CjkLineBreaker.IsClosing(chars[^1]) || CjkLineBreaker.IsOpening(chars[^1])))
                {
                    continue;
                }

                chars.Add(c);
            }

            var text = new string([.. chars]);
            var width = random.Next(6, 30);
            var lines = CjkLineBreaker.Break(text, width, Mono, firstLineIndent: random.Next(0, 3));

            Assert.Equal(text, string.Concat(lines));
            foreach (var line in lines.Skip(1))
            {
                Assert.False(CjkLineBreaker.IsClosing(line[0]), $"«{line}» starts with closing punctuation in «{text}» at width {width}");
            }

            foreach (var line in lines.SkipLast(1))
            {
                Assert.False(CjkLineBreaker.IsOpening(line[^1]), $"«{line}» ends with opening punctuation in «{text}» at width {width}");
            }

            Assert.All(lines, l => Assert.True(l.Length <= width, $"«{l}» is wider than {width}"));
        }
    }

    [Fact]
    public void Numbers_and_latin_words_stay_whole_and_spaces_vanish_at_line_ends()
    {
        var lines = CjkLineBreaker.Break("收费3.2700万元 PDF files", 6, Mono);

        Assert.Equal(["收费", "3.2700", "万元 PDF", "files"], lines);
    }

    [Fact]
    public void The_first_line_is_shortened_by_the_indent()
    {
        var lines = CjkLineBreaker.Break("一二三四五六七八九十", 4, Mono, firstLineIndent: 2);

        Assert.Equal(["一二", "三四五六", "七八九十"], lines);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_rather_than_overflowing()
    {
        var lines = CjkLineBreaker.Break("https://example.gov.cn/xxgk", 8, Mono);

        Assert.All(lines, l => Assert.True(l.Length <= 8));
        Assert.Equal("https://example.gov.cn/xxgk", string.Concat(lines));
    }

    [Fact]
    public void Balanced_breaking_evens_out_the_lines_of_centred_text()
    {
        Assert.Equal(["商业", "企业"], CjkLineBreaker.BreakBalanced("商业企业", 3, Mono));
        Assert.Equal(["新华区人民政府办公室", "年度报告"], CjkLineBreaker.Break("新华区人民政府办公室年度报告", 10, Mono));
        Assert.Equal(["新华区人民政府", "办公室年度报告"], CjkLineBreaker.BreakBalanced("新华区人民政府办公室年度报告", 10, Mono));
    }

    [Theory]
    [InlineData("示范区人民政府办公室2021年政府信息公开工作年度报告")]
    [InlineData("本报告于2026年12月31日更正")]
    public void A_number_never_parts_from_its_year_month_or_day_at_any_width(string text)
    {
        for (var width = 5; width <= text.Length; width++) // 「2021年」 is five wide: narrower, nothing could keep it whole
        {
            var lines = CjkLineBreaker.Break(text, width, Mono);

            Assert.Equal(text, string.Concat(lines));
            for (var i = 0; i < lines.Count; i++)
            {
                var afterDigit = i > 0 && char.IsDigit(lines[i - 1][^1]);
                Assert.False(afterDigit && lines[i][0] is '年' or '月' or '日', $"«{lines[i]}» starts with a unit parted from its number at width {width}");
                Assert.False(afterDigit && char.IsDigit(lines[i][0]), $"a number is split before «{lines[i]}» at width {width}");
            }
        }
    }
}
