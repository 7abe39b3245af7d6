using LiveHire.Core.Hosting;
using LiveHire.Core.Identity;
using LiveHire.Core.Options;
using LiveHire.Realtime;
using LiveHire.ServiceDefaults;
using LiveHire.Web.Infrastructure;
using LiveHire.Workers;

namespace LiveHire.Web;

/// <summary>
/// The Web process: pages, HTTP API, sign-in, dashboards. In Embedded mode it also hosts the live-room hubs and
/// the Hangfire server, so one process is the whole product.
/// Commands: <c>migrate</c> applies database migrations and exits; <c>--demo</c> seeds demo data at start-up.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        var options = builder.AddLiveHireCore();
        // First hosted service: migrations must be applied before the data-protection key ring is read from the database.
        builder.AddStartupTasks(args);
        builder.Services.AddLiveHireIdentity();
        builder.AddWebUi();
        builder.AddWebApi();
        builder.Services.AddLiveHireJobs(options, runServer: options.Mode == RunMode.Embedded);
        if (options.Mode == RunMode.Embedded)
            builder.Services.AddLiveHireRealtime(options);

        var app = builder.Build();
        if (StartupCommands.IsMigrateCommand(args))
            return await StartupCommands.MigrateAsync(app.Services);

        app.UseWebPipeline();
        app.MapDefaultEndpoints();
        app.MapWebUi();
        app.MapWebApi();
        app.MapJobsDashboard();
        if (options.Mode == RunMode.Embedded)
            app.MapLiveHireRealtime();

        await app.RunAsync();
        return 0;
    }
}
