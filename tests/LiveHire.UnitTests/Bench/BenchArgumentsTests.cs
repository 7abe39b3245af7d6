using LiveHire.Bench.Harness;
using LiveHire.Bench.Scenarios;

namespace LiveHire.UnitTests.Bench;

public sealed class BenchArgumentsTests
{
    private static readonly IScenario[] Scenarios = [new QaFanOut(), new VoteStorm(), new LiveVideo(), new JobSearch()];

    [Fact]
    public void No_arguments_is_the_full_run_of_every_scenario()
    {
        BenchArguments.Parse([], Scenarios).ShouldBe(new BenchArguments(Quick: false, Only: null, Help: false));
    }

    [Fact]
    public void Quick_and_only_are_read_in_either_order_with_each_number_once()
    {
        var parsed = BenchArguments.Parse(["--only", "2, 7,2", "--quick"], Scenarios);

        parsed.Quick.ShouldBeTrue();
        parsed.Only.ShouldBe([2, 7]);
    }

    [Theory]
    [InlineData(new[] { "--quik" }, "Unknown argument \"--quik\".")]
    [InlineData(new[] { "quick" }, "Unknown argument \"quick\".")]
    [InlineData(new[] { "--only" }, "--only needs the scenarios' numbers, e.g. --only 2,5.")]
    [InlineData(new[] { "--only", "--quick" }, "--only needs the scenarios' numbers, e.g. --only 2,5.")]
    [InlineData(new[] { "--only", "2,9,x" }, "--only 2,9,x: no scenario 9, x; the scenarios are numbered 1, 2, 7, 8.")]
    [InlineData(new[] { "--only", "," }, "--only ,: no scenario numbers; the scenarios are numbered 1, 2, 7, 8.")]
    [InlineData(new[] { "--only", "-2" }, "--only -2: no scenario -2; the scenarios are numbered 1, 2, 7, 8.")]
    [InlineData(new[] { "--quick", "--quick" }, "--quick is given twice.")]
    [InlineData(new[] { "--only", "1", "--only", "2" }, "--only is given twice.")]
    public void Anything_else_is_refused_saying_what_is_wrong(string[] args, string message)
    {
        Should.Throw<FormatException>(() => BenchArguments.Parse(args, Scenarios)).Message.ShouldBe(message);
    }

    [Fact]
    public void Help_lists_every_scenario_by_number_and_title()
    {
        BenchArguments.Parse(["-h"], Scenarios).Help.ShouldBeTrue();
        var usage = BenchArguments.Usage(Scenarios);

        usage.ShouldStartWith("Usage: dotnet run -c Release --project bench/LiveHire.Bench [-- [--quick] [--only N,M,…]]");
        foreach (var scenario in Scenarios) usage.ShouldContain($"  {scenario.Number}  {scenario.Title}");
    }
}
