using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Infrastructure;

/// <summary>
/// Query-string filters that name an enum's members, comma-separated where several are allowed (<c>types=Gig,Piecework</c>,
/// <c>status=Hired</c>), read in any case. Only the names count: binding an enum straight from the query would also take
/// <c>7</c> (a value that may be no member) and <c>Graduates,LaidOffWorkers</c> (their values OR-ed: another member). The API
/// turns away what it does not know (<see cref="Check{T}"/>) instead of quietly answering without that filter; the pages
/// build their queries from their own choices and read them with <see cref="Read{T}"/>, which skips an unknown name.
/// </summary>
public static class NamedFilters
{
    /// <summary>The names in a comma-separated value, trimmed, empty ones dropped.</summary>
    public static string[] Csv(string? csv) => (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The members <paramref name="csv"/> names, each once, in the order named; names that are none are skipped.</summary>
    public static List<T> Read<T>(string? csv) where T : struct, Enum =>
        Csv(csv).Select(Member<T>).OfType<T>().Distinct().ToList();

    /// <summary>The one member <paramref name="value"/> names, or null (none given, or not a name).</summary>
    public static T? ReadOne<T>(string? value) where T : struct, Enum => Member<T>(value?.Trim() ?? "");

    /// <summary>
    /// Adds to <paramref name="mistakes"/>, under <paramref name="name"/>, the names in <paramref name="csv"/> that are no member
    /// (with the ones that are), or that it names more than one where <paramref name="one"/> allows only one.
    /// </summary>
    public static void Check<T>(IDictionary<string, string[]> mistakes, string name, string? csv, bool one = false) where T : struct, Enum
    {
        var given = Csv(csv);
        var unknown = given.Where(n => Member<T>(n) is null).ToList();
        if (unknown.Count > 0) mistakes[name] = [$"Not known: {string.Join(", ", unknown)}. Known: {string.Join(", ", Names<T>.All)}."];
        else if (one && given.Length > 1) mistakes[name] = [$"One at a time: {string.Join(", ", given)} are {given.Length}."];
    }

    /// <summary>The API's 400 when the one filter <paramref name="name"/> holds what <see cref="Check{T}"/> turns away, else null.</summary>
    public static ValidationProblem? Refused<T>(string name, string? csv, bool one = false) where T : struct, Enum
    {
        var mistakes = new Dictionary<string, string[]>();
        Check<T>(mistakes, name, csv, one);
        return mistakes.Count > 0 ? Problem(mistakes) : null;
    }

    /// <summary>The API's 400 for query values it turns away, in the shape of every other validation failure.</summary>
    public static ValidationProblem Problem(IDictionary<string, string[]> mistakes) =>
        TypedResults.ValidationProblem(mistakes, title: "The request is not valid.", type: GlobalExceptionHandler.ValidationProblemType);

    private static T? Member<T>(string name) where T : struct, Enum =>
        Names<T>.All.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } known ? Enum.Parse<T>(known) : null;

    /// <summary>An enum's names a filter may use (not a flags enum's zero, "None"), worked out once per type.</summary>
    private static class Names<T> where T : struct, Enum
    {
        public static readonly string[] All = Enum.GetValues<T>()
            .Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => v.ToString()).ToArray();
    }
}
