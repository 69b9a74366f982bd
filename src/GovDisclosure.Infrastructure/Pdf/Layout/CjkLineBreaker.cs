namespace GovDisclosure.Infrastructure.Pdf.Layout;

/// <summary>Gives the advance width of a piece of text in points.</summary>
public interface ITextMeasurer
{
    double Width(ReadOnlySpan<char> text);
}

/// <summary>
/// Line breaking for Chinese text (a simplified 禁则 / kinsoku): a line may break between any two CJK
/// characters, but never before closing punctuation nor after opening punctuation; Latin words and
/// numbers ("3.27", "2021", "PDF") stay whole, and a number stays with a following 年, 月 or 日; spaces are break points and vanish at line ends.
/// When a break would put closing punctuation at a line start, the character before it moves down too,
/// which is what Chinese word processors do when they do not squeeze punctuation.
/// </summary>
public static class CjkLineBreaker
{
    /// <summary>Characters that must not start a line.</summary>
    public const string Closing = "，。、；：？！）」』》〉】〕〗〙〛｝］”’…‥·・％‰℃々ー〜～,.;:?!)]}%";

    /// <summary>Characters that must not end a line.</summary>
    public const string Opening = "（「『《〈【〔〖〘〚｛［“‘([{＄￥$£€";

    private enum Kind : byte
    {
        Cjk,
        Word,
        Space,
    }

    private readonly record struct Unit(int Start, int Length, Kind Kind);

    public static bool IsClosing(char c) => Closing.Contains(c);

    public static bool IsOpening(char c) => Opening.Contains(c);

    /// <summary>
    /// Breaks one paragraph (no newlines) into lines no wider than <paramref name="width"/>; the first line
    /// is <paramref name="firstLineIndent"/> narrower. A single unit wider than a line is cut by character.
    /// </summary>
    public static List<string> Break(string text, double width, ITextMeasurer measurer, double firstLineIndent = 0)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return lines;
        }

        var units = Tokenize(text);
        var widths = new double[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            widths[i] = measurer.Width(text.AsSpan(units[i].Start, units[i].Length));
        }

        var lineStart = 0;
        var used = 0.0;
        var i2 = 0;
        while (i2 < units.Count)
        {
            var available = lines.Count == 0 ? width - firstLineIndent : width;
            if (i2 == lineStart && units[i2].Kind == Kind.Space)
            {
                lineStart = ++i2; // a line never starts with a space.
                continue;
            }

            if (used + widths[i2] <= available + 0.001)
            {
                used += widths[i2++];
                continue;
            }

            if (i2 == lineStart)
            {
                // One unit is wider than the line: a very long word or number, cut by character.
                if (units[i2].Length > 1)
                {
                    SplitUnit(text, units, ref widths, i2, measurer);
                    continue;
                }

                used += widths[i2++]; // a single character wider than the line: let it overflow.
                continue;
            }

            var breakAt = i2;
            while (breakAt > lineStart && !CanBreakBefore(text, units, breakAt))
            {
                breakAt--;
            }

            if (breakAt == lineStart)
            {
                breakAt = i2; // nothing legal on this line: break where it overflows rather than overflow the margin.
            }

            lines.Add(Slice(text, units, lineStart, breakAt));
            lineStart = breakAt;
            i2 = breakAt;
            used = 0;
        }

        if (lineStart < units.Count)
        {
            var last = Slice(text, units, lineStart, units.Count);
            if (last.Length > 0)
            {
                lines.Add(last);
            }
        }

        return lines;
    }

    /// <summary>
    /// Centred text wrapped into evenly long lines («商业/企业», not «商业企/业»; a two-line title split
    /// near its middle): the narrowest width that still gives the greedy line count.
    /// </summary>
    public static List<string> BreakBalanced(string text, double width, ITextMeasurer measurer)
    {
        var lines = Break(text, width, measurer);
        if (lines.Count < 2)
        {
            return lines;
        }

        double low = width / lines.Count, high = width;
        var best = lines;
        for (var i = 0; i < 8 && high - low > 0.5; i++)
        {
            var middle = (low + high) / 2;
            var attempt = Break(text, middle, measurer);
            if (attempt.Count == lines.Count)
            {
                best = attempt;
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return best;
    }

    private static bool CanBreakBefore(string text, List<Unit> units, int index)
    {
        var previous = units[index - 1];
        var next = units[index];
        if (previous.Kind == Kind.Space || next.Kind == Kind.Space)
        {
            return true;
        }

        var before = text[previous.Start + previous.Length - 1];
        var after = text[next.Start];
        if (IsClosing(after) || IsOpening(before))
        {
            return false;
        }

        // 「2021年」「12月」「31日」 read as one word: a date never breaks between its number and its unit.
        if (IsDigit(before) && after is '年' or '月' or '日')
        {
            return false;
        }

        // 破折号 —— and 省略号 …… are one mark drawn with two characters: never split them.
        return !(before == after && before is '—' or '…' or '─');
    }

    private static string Slice(string text, List<Unit> units, int from, int to)
    {
        while (to > from && units[to - 1].Kind == Kind.Space)
        {
            to--;
        }

        if (to <= from)
        {
            return string.Empty;
        }

        var start = units[from].Start;
        return text[start..(units[to - 1].Start + units[to - 1].Length)];
    }

    private static void SplitUnit(string text, List<Unit> units, ref double[] widths, int index, ITextMeasurer measurer)
    {
        var unit = units[index];
        var pieces = new List<Unit>();
        for (var p = unit.Start; p < unit.Start + unit.Length;)
        {
            var len = char.IsHighSurrogate(text[p]) && p + 1 < unit.Start + unit.Length ? 2 : 1;
            pieces.Add(new Unit(p, len, Kind.Cjk));
            p += len;
        }

        units.RemoveAt(index);
        units.InsertRange(index, pieces);
        var list = widths.ToList();
        list.RemoveAt(index);
        list.InsertRange(index, pieces.Select(u => measurer.Width(text.AsSpan(u.Start, u.Length))));
        widths = [.. list];
    }

    private static List<Unit> Tokenize(string text)
    {
        var units = new List<Unit>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && c != '\u3000')
            {
                var start = i;
                while (i < text.Length && char.IsWhiteSpace(text[i]) && text[i] != '\u3000')
                {
                    i++;
                }

                units.Add(new Unit(start, i - start, Kind.Space));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                units.Add(new Unit(start, i - start, Kind.Word));
            }
            else
            {
                var len = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                units.Add(new Unit(i, len, Kind.Cjk));
                i += len;
            }
        }

        return units;
    }

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '\uFF10' and <= '\uFF19');

    /// <summary>Latin letters, digits and the ASCII punctuation inside them ("3.27", "1,000", "GB/T"); full-width letters and digits too.</summary>
    private static bool IsWordChar(char c) =>
        (c > ' ' && c < '\u007F' && !IsOpening(c) && c is not ('(' or ')')) ||
        (c >= '\u00C0' && c < '\u0250') ||
        c is (>= '\uFF10' and <= '\uFF19') or (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A');
}
