using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// PdfPig's own filters with a budget: every decoded stream (page contents, fonts, images) counts against
/// one total for the document, and a FlateDecode stream is first inflated by a counting reader that stops
/// at the cap, so a small file that expands to gigabytes costs at most the cap to refuse.
/// </summary>
internal sealed class BudgetedFilterProvider(long maxStreamBytes, long maxTotalBytes) : IFilterProvider
{
    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;
    private readonly long streamCap = maxStreamBytes;
    private long total;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(inner.GetAllFilters());

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new Budgeted(f, this)).ToList();

    private void Count(long bytes)
    {
        if (bytes > streamCap)
        {
            throw new DocumentRefusedException($"PDF中有一段内容解压后超过{streamCap / 1024 / 1024}MB（疑似压缩炸弹），不是正常的年度报告，未读取。");
        }

        if (Interlocked.Add(ref total, bytes) > maxTotalBytes)
        {
            throw new DocumentRefusedException($"PDF解压后的内容超过{maxTotalBytes / 1024 / 1024}MB，远多于年度报告，未读取。");
        }
    }

    private sealed class Budgeted(IFilter filter, BudgetedFilterProvider owner) : IFilter
    {
        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (filter is FlateFilter)
            {
                owner.Count(InflatedLength(input, owner.streamCap));
            }

            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (filter is not FlateFilter)
            {
                owner.Count(output.Length);
            }

            return output;
        }

        /// <summary>Inflates into nothing, counting, and stops one byte past the cap.</summary>
        private static long InflatedLength(Memory<byte> input, long cap)
        {
            try
            {
                using var source = new MemoryStream(input.ToArray(), writable: false);
                using var inflater = new ZLibStream(source, CompressionMode.Decompress);
                var buffer = new byte[65536];
                long length = 0;
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    length += read;
                    if (length > cap)
                    {
                        return length;
                    }
                }

                return length;
            }
            catch (InvalidDataException)
            {
                // PdfPig's own filter is lenient with broken streams; let it decide.
                return input.Length;
            }
        }
    }
}
