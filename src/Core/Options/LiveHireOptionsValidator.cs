using Microsoft.Extensions.Options;

namespace LiveHire.Core.Options;

/// <summary>Mode-dependent checks that data annotations cannot express. Every message names the setting.</summary>
public sealed class LiveHireOptionsValidator : IValidateOptions<LiveHireOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveHireOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
            failures.Add("LiveHire:Mode must be 'Embedded' or 'Distributed'.");
        if (options.Mode == RunMode.Embedded && string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add("LiveHire:DataDirectory is required in Embedded mode.");
        if (options.Mode == RunMode.Distributed)
        {
            if (string.IsNullOrWhiteSpace(options.Postgres))
                failures.Add("LiveHire:Postgres (a PostgreSQL connection string) is required in Distributed mode.");
            if (string.IsNullOrWhiteSpace(options.Redis))
                failures.Add("LiveHire:Redis (a Redis connection string) is required in Distributed mode.");
            if (string.IsNullOrWhiteSpace(options.BlobStorage))
                failures.Add("LiveHire:BlobStorage (an Azure Blob Storage connection string) is required in Distributed mode.");
        }
        if (!string.IsNullOrEmpty(options.RealtimePublicUrl)
            && !(Uri.TryCreate(options.RealtimePublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            failures.Add("LiveHire:RealtimePublicUrl must be an absolute http(s) URL or empty.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
