using LiveHire.Core.Options;

namespace LiveHire.UnitTests.Options;

public sealed class RtmpOptionsValidatorTests
{
    private static readonly RtmpOptionsValidator Validator = new();

    [Fact]
    public void Rtmp_is_off_without_a_public_url_and_then_needs_nothing_else()
    {
        var result = Validator.Validate(null, new RtmpOptions());

        result.Succeeded.ShouldBeTrue();
        new RtmpOptions().Enabled.ShouldBeFalse();
    }

    [Fact]
    public void Complete_settings_are_accepted()
    {
        var options = new RtmpOptions { PublicUrl = "rtmp://live.example.org/live", PullUrl = "rtmp://127.0.0.1:1935/live", CallbackToken = new string('t', 32) };

        Validator.Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Each_missing_or_wrong_setting_is_named()
    {
        var options = new RtmpOptions { PublicUrl = "http://live.example.org/live", PullUrl = "rtmps://127.0.0.1/live", CallbackToken = "short" };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        failures.ShouldContain(f => f.StartsWith("LiveHire:Rtmp:PublicUrl", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("LiveHire:Rtmp:PullUrl", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("LiveHire:Rtmp:CallbackToken", StringComparison.Ordinal));
    }
}
