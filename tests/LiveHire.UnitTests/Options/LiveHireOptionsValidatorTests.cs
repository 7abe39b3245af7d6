using LiveHire.Core.Options;

namespace LiveHire.UnitTests.Options;

public sealed class LiveHireOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(LiveHireOptions options)
    {
        var result = new LiveHireOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void Embedded_mode_needs_no_other_setting()
    {
        Failures(new LiveHireOptions { Mode = RunMode.Embedded }).ShouldBeEmpty();
    }

    [Fact]
    public void Embedded_mode_needs_a_data_directory()
    {
        Failures(new LiveHireOptions { Mode = RunMode.Embedded, DataDirectory = " " })
            .ShouldHaveSingleItem().ShouldContain("LiveHire:DataDirectory");
    }

    [Fact]
    public void Distributed_mode_without_servers_names_each_missing_setting()
    {
        var failures = Failures(new LiveHireOptions { Mode = RunMode.Distributed });

        failures.Count.ShouldBe(3);
        failures.ShouldContain(f => f.Contains("LiveHire:Postgres"));
        failures.ShouldContain(f => f.Contains("LiveHire:Redis"));
        failures.ShouldContain(f => f.Contains("LiveHire:BlobStorage"));
    }

    [Theory]
    [InlineData("LiveHire:Postgres")]
    [InlineData("LiveHire:Redis")]
    [InlineData("LiveHire:BlobStorage")]
    public void Distributed_mode_names_only_the_setting_that_is_missing(string missing)
    {
        var options = new LiveHireOptions
        {
            Mode = RunMode.Distributed,
            Postgres = missing == "LiveHire:Postgres" ? "" : "Host=127.0.0.1;Database=livehire",
            Redis = missing == "LiveHire:Redis" ? null : "127.0.0.1:6379",
            BlobStorage = missing == "LiveHire:BlobStorage" ? "  " : "UseDevelopmentStorage=true",
        };

        Failures(options).ShouldHaveSingleItem().ShouldStartWith(missing + " ");
    }

    [Fact]
    public void Distributed_mode_with_all_servers_is_valid()
    {
        var options = new LiveHireOptions
        {
            Mode = RunMode.Distributed,
            Postgres = "Host=127.0.0.1;Database=livehire",
            Redis = "127.0.0.1:6379",
            BlobStorage = "UseDevelopmentStorage=true",
        };

        Failures(options).ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_mode_is_named()
    {
        Failures(new LiveHireOptions { Mode = (RunMode)7 }).ShouldHaveSingleItem().ShouldContain("LiveHire:Mode");
    }

    [Theory]
    [InlineData("live.example.cn")]
    [InlineData("https//live.example.cn")]
    [InlineData("not a url")]
    [InlineData("/realtime")]
    [InlineData("ftp://live.example.cn")]
    [InlineData("file:///tmp/hub")]
    public void Realtime_public_url_that_is_not_absolute_is_named(string url)
    {
        Failures(new LiveHireOptions { RealtimePublicUrl = url }).ShouldHaveSingleItem().ShouldContain("LiveHire:RealtimePublicUrl");
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://live.example.cn")]
    [InlineData("http://127.0.0.1:5081/")]
    public void Realtime_public_url_may_be_empty_or_absolute(string url)
    {
        Failures(new LiveHireOptions { RealtimePublicUrl = url }).ShouldBeEmpty();
    }
}
