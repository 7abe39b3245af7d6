namespace LiveHire.Web.Features.Account;

/// <summary>Mainland-China mobile numbers as people type them, reduced to the 11 digits LiveHire stores and texts.</summary>
public static class MainlandMobile
{
    public const int Length = 11;

    /// <summary>
    /// "138 0013 8000", "138-0013-8000", "+86 13800138000", "008613800138000" and full-width digits from a Chinese
    /// keyboard all become "13800138000"; anything that is not 11 digits starting with 1 gives null.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        Span<char> digits = stackalloc char[input.Length];
        var count = 0;
        var plus = false;
        foreach (var raw in input)
        {
            // Full-width forms (U+FF01..U+FF5E) map onto ASCII by a fixed offset; Chinese input methods produce them.
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (c is >= '0' and <= '9') digits[count++] = c;
            else if (c == '+' && count == 0 && !plus) plus = true;
            else if (c is not (' ' or '-' or '(' or ')' or '\u3000')) return null;
        }

        ReadOnlySpan<char> number = digits[..count];
        if (number.StartsWith("0086")) number = number[4..];
        else if (number.Length == Length + 2 && number.StartsWith("86")) number = number[2..];
        else if (plus) return null; // a "+" announces a country code, and the only one accepted is 86

        return number.Length == Length && number[0] == '1' ? number.ToString() : null;
    }
}
