using LiveHire.Core.Data;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveHire.Core.Hosting;

/// <summary>Tags a health check with "ready": /health/ready runs those, /health/live runs none.</summary>
public static class HealthTags
{
    public const string Ready = "ready"; // must equal LiveHire.ServiceDefaults.ServiceDefaultsExtensions.ReadyTag
}

internal static class HealthCheckRegistration
{
    public static void AddLiveHireHealthChecks(this IServiceCollection services, LiveHireOptions options)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<LiveHireDbContext>("database", tags: [HealthTags.Ready]);
        if (options.Mode == RunMode.Distributed)
        {
            checks.AddCheck<LiveStateHealthCheck>("redis", tags: [HealthTags.Ready]);
            checks.AddCheck<BlobStoreHealthCheck>("blob-storage", tags: [HealthTags.Ready]);
        }
    }
}

internal sealed class LiveStateHealthCheck(ILiveState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await state.CheckHealthAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Live state store unreachable.", ex);
        }
    }
}

internal sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await blobs.CheckHealthAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Blob storage unreachable.", ex);
        }
    }
}
