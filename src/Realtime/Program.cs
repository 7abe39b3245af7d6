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
        builder.Services.AddLiveHireRealtime(options);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapLiveHireRealtime();
        await app.RunAsync();
    }
}
