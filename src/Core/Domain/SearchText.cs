using System.Globalization;
using System.Text;

namespace LiveHire.Core.Domain;

/// <summary>
/// Folds text for substring keyword search that behaves the same on PostgreSQL and SQLite (ADR 0007): full-width
/// letters and digits become ASCII, Latin letters lower case, every run of whitespace and punctuation one space.
/// Chinese needs no word breaking: a keyword matches where its folded form occurs.
/// </summary>
public static class SearchText
{
    public static string Fold(string text, int maxLength = int.MaxValue)
    {
        var folded = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter)
            {
                folded.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                folded.Append(' ');
                lastWasSpace = true;
            }
            if (folded.Length >= maxLength) break;
        }
        return folded.ToString().Trim();
    }

    /// <summary>The keywords of a query: folded, split on spaces; every one must occur.</summary>
    public static IReadOnlyList<string> Keywords(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(5).ToList();
}
