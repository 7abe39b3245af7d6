using System.Globalization;
using LiveHire.Bench.Scenarios;

namespace LiveHire.Bench.Harness;

/// <summary>
/// The bench's command line: <c>[--quick] [--only N,M,…]</c> or <c>--help</c>. Anything else is refused with what was wrong,
/// before a server starts: a mistyped flag must not quietly run the 10-minute full run, nor <c>--only 9</c> run nothing.
/// </summary>
/// <param name="Quick">The smaller, quicker run (<see cref="BenchOptions.Quick"/>).</param>
/// <param name="Only">The scenarios to run, by number (null: all of them).</param>
/// <param name="Help">Print the usage and run nothing.</param>
public sealed record BenchArguments(bool Quick, IReadOnlyList<int>? Only, bool Help)
{
    /// <summary>Reads <paramref name="args"/>; throws <see cref="FormatException"/> saying what is wrong with them.</summary>
    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlyList<IScenario> scenarios)
    {
        var parsed = new BenchArguments(Quick: false, Only: null, Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick" when !parsed.Quick:
                    parsed = parsed with { Quick = true };
                    break;
                case "--only" when parsed.Only is null:
                    if (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new FormatException("--only needs the scenarios' numbers, e.g. --only 2,5.");
                    parsed = parsed with { Only = Numbers(args[++i], scenarios) };
                    break;
                case "--help" or "-h":
                    parsed = parsed with { Help = true };
                    break;
                case "--quick" or "--only":
                    throw new FormatException($"{args[i]} is given twice.");
                default:
                    throw new FormatException($"Unknown argument \"{args[i]}\".");
            }
        }
        return parsed;
    }

    private static int[] Numbers(string list, IReadOnlyList<IScenario> scenarios)
    {
        var numbers = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = numbers.Where(n => !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || scenarios.All(s => s.Number != number)).ToList();
        if (numbers.Length == 0 || unknown.Count > 0)
            throw new FormatException($"--only {list}: {(numbers.Length == 0 ? "no scenario numbers" : $"no scenario {string.Join(", ", unknown)}")}; the scenarios are numbered {string.Join(", ", scenarios.Select(s => s.Number).Order())}.");
        return [.. numbers.Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Distinct()];
    }

    /// <summary>How to call the bench, with the scenarios' numbers and titles.</summary>
    public static string Usage(IReadOnlyList<IScenario> scenarios) => string.Join(Environment.NewLine,
    [
        "Usage: dotnet run -c Release --project bench/LiveHire.Bench [-- [--quick] [--only N,M,…]]",
        "       dotnet run -c Release --project bench/LiveHire.Bench -- --render bench/results/full.json",
        "",
        "  (nothing)     the full run (at most 10 minutes on 2 cores): writes docs/benchmarks.md and bench/results/",
        "  --quick       every scenario at smaller sizes (about 4 minutes)",
        "  --only N,M    just those scenarios; writes only bench/results/partial.json",
        "  --render F    re-writes docs/benchmarks.md from a stored run, measuring nothing",
        "",
        "Scenarios:",
        .. scenarios.OrderBy(s => s.Number).Select(s => $"  {s.Number}  {s.Title}"),
    ]);
}
