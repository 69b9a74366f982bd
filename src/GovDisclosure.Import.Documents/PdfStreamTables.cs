namespace GovDisclosure.Import.Documents;

internal static partial class PdfLayout
{
    private static (List<TableModel> Tables, HashSet<TextLine> Consumed) StreamTables(List<TextLine> lines) => ([], []);
}
