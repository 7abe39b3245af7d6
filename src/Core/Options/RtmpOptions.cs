using Microsoft.Extensions.Options;

namespace LiveHire.Core.Options;

/// <summary>
/// OBS and other RTMP encoders publish to nginx's RTMP module, which asks LiveHire before accepting a stream
/// (infra/nginx/livehire.conf.template). Section "LiveHire:Rtmp"; leaving <see cref="PublicUrl"/> empty turns RTMP off.
/// </summary>
public sealed class RtmpOptions
{
    public const string Section = "LiveHire:Rtmp";

    /// <summary>What broadcasters type into OBS as the server, e.g. <c>rtmp://live.example.org/live</c>. Empty: RTMP is off.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Where Realtime reads an accepted stream back from nginx, on loopback, e.g. <c>rtmp://127.0.0.1:1935/live</c>.</summary>
    public string PullUrl { get; set; } = "";

    /// <summary>The secret nginx puts in its callback URLs; callbacks without it are refused. At least 16 characters.</summary>
    public string CallbackToken { get; set; } = "";

    public bool Enabled => PublicUrl.Length > 0;
}

public sealed class RtmpOptionsValidator : IValidateOptions<RtmpOptions>
{
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, RtmpOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (!IsRtmpUrl(options.PublicUrl))
            failures.Add("LiveHire:Rtmp:PublicUrl must be an absolute rtmp:// or rtmps:// URL, or empty to turn RTMP off.");
        if (!IsRtmpUrl(options.PullUrl) || !options.PullUrl.StartsWith("rtmp://", StringComparison.Ordinal))
            failures.Add("LiveHire:Rtmp:PullUrl must be an absolute rtmp:// URL (nginx's RTMP application, usually on loopback) when RTMP is on.");
        if (options.CallbackToken.Length < MinTokenLength)
            failures.Add($"LiveHire:Rtmp:CallbackToken must be at least {MinTokenLength} characters when RTMP is on.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsRtmpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "rtmp" or "rtmps" && url.AbsolutePath.Length > 1;
}
