using System.Text.RegularExpressions;

namespace LiveHire.Core.Adapters;

/// <summary>The key rule both blob stores enforce, so a key valid on one is valid on the other.</summary>
internal static partial class BlobKey
{
    // Azure's limit on blob names; the local store keeps it too so a key never works only in Embedded mode.
    private const int MaxLength = 1024;

    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Length > MaxLength || !Shape().IsMatch(key))
            throw new ArgumentException($"Blob key '{key}' must be a relative path of '/'-separated segments of [a-zA-Z0-9._-].", nameof(key));
        foreach (var segment in key.Split('/'))
        {
            // "." and ".." would let a key name a different file on disk than the same key in Azure.
            if (segment is "." or "..")
                throw new ArgumentException($"Blob key '{key}' must not contain '.' or '..' segments.", nameof(key));
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]+(/[a-zA-Z0-9._-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
