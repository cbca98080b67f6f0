namespace Roundup.FullText;

/// <summary>Reads a whole input file into memory, refusing missing, empty and oversized files by name.</summary>
internal static class FileInput
{
    public static byte[] ReadAll(string path, FullTextLimits limits)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FullTextException(path, "the file does not exist");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new FullTextException(path, $"the file cannot be opened ({e.Message})", e);
        }

        if (info.Length == 0)
        {
            throw new FullTextException(path, "the file is empty (0 bytes)");
        }

        if (info.Length > limits.MaxFileBytes)
        {
            throw new FullTextException(path, $"the file is {info.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FullTextException(path, $"the file cannot be read ({e.Message})", e);
        }
    }
}
