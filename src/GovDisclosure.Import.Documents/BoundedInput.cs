namespace GovDisclosure.Import.Documents;

/// <summary>Reads an upload into memory without ever holding more than the cap plus one buffer.</summary>
internal static class BoundedInput
{
    public static byte[] ReadAll(Stream stream, long maxBytes, string kind)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                throw new DocumentRefusedException($"{kind}文件超过{maxBytes / 1024 / 1024}MB，远大于年度报告，未读取。");
            }

            copy.Write(buffer, 0, read);
        }

        if (copy.Length == 0)
        {
            throw new DocumentRefusedException($"{kind}文件为空，不是年度报告。");
        }

        return copy.ToArray();
    }
}
