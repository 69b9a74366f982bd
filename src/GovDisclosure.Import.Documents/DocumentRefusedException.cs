namespace GovDisclosure.Import.Documents;

/// <summary>
/// A file that is not a readable report: corrupt, encrypted, scanned, or too large to be one. The message is
/// one Chinese sentence meant for the person who uploaded it; callers show it as it is (exit 2 in `gd`).
/// </summary>
public sealed class DocumentRefusedException(string reason) : Exception(reason)
{
    public string Reason => Message;
}
