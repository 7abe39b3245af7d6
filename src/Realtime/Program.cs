using LiveHire.Core.Hosting;
using LiveHire.Core.Identity;
using LiveHire.Realtime;
using LiveHire.ServiceDefaults;

namespace LiveHire.Realtime;

/// <summary>The Realtime process of Distributed mode: the live-room hubs (and, later, video ingest).</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        var options = builder.AddLiveHireCore();
        builder.Services.AddLiveHireIdentity();
        // Each host generates its own mediator. Internal types keep Web's (which also sees Realtime's handlers,
        // for Embedded mode) from clashing with the one Realtime generates for itself.
        builder.Services.AddMediator((Mediator.MediatorOptions o) =>
        {
            o.GenerateTypesAsInternal = true;
            o.ServiceLifetime = ServiceLifetime.Scoped;
        });
        builder.Services.AddLiveHireRealtime(options);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapLiveHireRealtime();
        await app.RunAsync();
    }
}
