using LiveHire.Core.Data;
using LiveHire.Core.Options;
using LiveHire.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Infrastructure;

/// <summary>Work done before the host serves: migrations (Embedded), demo data (<c>--demo</c>), and the <c>migrate</c> command.</summary>
public static class StartupCommands
{
    public static bool IsMigrateCommand(string[] args) => args.Length > 0 && args[0] == "migrate";

    public static void AddStartupTasks(this WebApplicationBuilder builder, string[] args)
    {
        builder.Services.AddSingleton(new DemoDataRequest(args.Contains("--demo")));
        builder.Services.AddScoped<DemoData>();
        builder.Services.AddHostedService<StartupTasks>();
    }

    /// <summary>Distributed mode: migrations are applied once, by this explicit command, never by racing web nodes.</summary>
    public static async Task<int> MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupCommands));
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        logger.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        return 0;
    }

    private sealed class StartupTasks(IServiceProvider services, IOptions<LiveHireOptions> options, DemoDataRequest demo, ILogger<StartupTasks> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiveHireDbContext>();
            if (options.Value.ApplyMigrationsAtStartup)
                await db.Database.MigrateAsync(cancellationToken);
            else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                logger.LogWarning("The database has pending migrations; run `LiveHire.Web migrate` before serving traffic.");
            if (demo.Enabled)
                await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed record DemoDataRequest(bool Enabled);
