using LiveHire.Core.Hosting;
using LiveHire.ServiceDefaults;

namespace LiveHire.Workers;

/// <summary>The Workers process of Distributed mode: a Hangfire server with health and metrics endpoints.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        var options = builder.AddLiveHireCore();
        builder.Services.AddLiveHireJobs(options, runServer: true);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.RunAsync();
    }
}
