using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// PdfPig's own filters with a budget: every decoded stream (page contents, fonts, images) counts against
/// one total for the document, and a FlateDecode stream is first inflated by a counting reader that stops
/// at the cap, so a small file that expands to gigabytes costs at most the cap to refuse.
/// </summary>
internal sealed class BudgetedFilterProvider(long maxStreamBytes, long maxTotalBytes, bool skipFontPrograms = false) : IFilterProvider
{
    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;
    private readonly long streamCap = maxStreamBytes;
    private readonly bool skipFontPrograms = skipFontPrograms;
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
            if (owner.skipFontPrograms && PdfFontPrograms.IsTrueTypeProgram(streamDictionary))
            {
                // PdfPig catches this while building the CID font and goes on without its program (PdfFontPrograms).
                throw new FontProgramSkippedException();
            }

            if (filter is FlateFilter)
            {
                // Inflated once, here, as PdfPig's own filter does it (the two header bytes skipped, the checksum
                // not required: PDFsharp's is wrong), counting as it goes. Only a stream with a predictor (xref
                // streams, some images) is handed on to PdfPig's filter, which applies it to its own inflation.
                var inflated = Inflate(input, owner.streamCap, out var length);
                owner.Count(length);
                if (inflated is not null && !HasPredictor(streamDictionary, filterIndex))
                {
                    return inflated.Value;
                }
            }

            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (filter is not FlateFilter)
            {
                owner.Count(output.Length);
            }

            return output;
        }

        /// <summary>
        /// The inflated stream, or null where PdfPig's filter would give up on it (it then returns the input as
        /// it is); the length counted is what came out, stopping one byte past the cap.
        /// </summary>
        private static Memory<byte>? Inflate(Memory<byte> input, long cap, out long length)
        {
            length = 0;
            if (input.Length < 2)
            {
                length = input.Length;
                return null;
            }

            try
            {
                var bytes = MemoryMarshal.TryGetArray<byte>(input, out var segment) && segment.Array is not null
                    ? segment
                    : new ArraySegment<byte>(input.ToArray());
                using var source = new MemoryStream(bytes.Array!, bytes.Offset + 2, bytes.Count - 2, writable: false);
                using var inflater = new DeflateStream(source, CompressionMode.Decompress);
                using var output = new MemoryStream(checked((int)Math.Min(cap, input.Length * 3L)));
                var buffer = new byte[65536];
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    length += read;
                    if (length > cap)
                    {
                        return null;
                    }

                    output.Write(buffer, 0, read);
                }

                return new Memory<byte>(output.GetBuffer(), 0, (int)output.Length);
            }
            catch (InvalidDataException)
            {
                length = input.Length;
                return null;
            }
        }

        /// <summary>A /Predictor above 1 in the filter's parameters, found as PdfPig's filter finds them.</summary>
        private static bool HasPredictor(DictionaryToken streamDictionary, int filterIndex)
        {
            var parameters = DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex);
            if (!parameters.TryGet(NameToken.Predictor, out var predictor))
            {
                return false;
            }

            // Anything but a plain number (an indirect one, say) is left to PdfPig's filter to resolve.
            return predictor is not NumericToken number || number.Int > 1;
        }
    }
}
