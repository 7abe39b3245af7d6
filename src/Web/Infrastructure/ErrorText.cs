using System.Globalization;
using LiveHire.Core.Domain;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Infrastructure;

/// <summary>
/// Says an expected error in the reader's language on a page: the words for its code; without them, the error's own
/// (English) message to an English reader and a general line to anyone else, never English to a zh-CN reader.
/// </summary>
public static class ErrorText
{
    public const string Other = "Other";

    /// <param name="arguments">What the words for the error's code may show (a limit, say), by position.</param>
    public static string Describe(this IStringLocalizer<ErrorsResource> words, Error error, params object[] arguments)
    {
        var text = words[error.Code, arguments];
        if (!text.ResourceNotFound) return text;
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? error.Message : words[Other];
    }
}
