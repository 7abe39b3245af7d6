using LiveHire.Core.Data;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using LiveHire.Core.Adapters;
using LiveHire.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveHire.Core.Hosting;

/// <summary>Composition of everything in Core that every host (Web, Realtime, Workers) needs.</summary>
public static class CoreHostingExtensions
{
    /// <summary>
    /// Binds and validates <see cref="LiveHireOptions"/>, then registers the database, live state, blob store and
    /// message senders for the configured mode. Invalid settings stop start-up with a message naming each one.
    /// </summary>
    public static LiveHireOptions AddLiveHireCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<LiveHireOptions>, LiveHireOptionsValidator>();
        services.AddOptions<LiveHireOptions>()
            .BindConfiguration(LiveHireOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart()
            .PostConfigure<IHostEnvironment>((o, env) => o.DataDirectory = Path.GetFullPath(o.DataDirectory, env.ContentRootPath));

        services.AddSingleton<IValidateOptions<RtmpOptions>, RtmpOptionsValidator>();
        services.AddOptions<RtmpOptions>().BindConfiguration(RtmpOptions.Section).ValidateOnStart();

        // Registration depends on the mode, so the composition root reads it once, validated the same way as at start-up.
        var options = ReadValidated(builder.Configuration, builder.Environment);

        services.AddSingleton(TimeProvider.System);

        if (options.Mode == RunMode.Embedded)
        {
            Directory.CreateDirectory(options.DataDirectory);
            var sqlite = $"Data Source={Path.Combine(options.DataDirectory, "livehire.db")};Pooling=True";
            services.AddDbContext<LiveHireDbContext, SqliteLiveHireDbContext>(o => o.UseSqlite(sqlite));
            services.AddSingleton<ILiveState, InMemoryLiveState>();
            services.AddSingleton<ILiveVideoState, InMemoryLiveVideoState>();
            services.AddSingleton<IBlobStore>(sp => new LocalDiskBlobStore(Path.Combine(options.DataDirectory, "blobs")));
        }
        else
        {
            services.AddDbContext<LiveHireDbContext, PostgresLiveHireDbContext>(o => o.UseNpgsql(options.Postgres));
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConfiguration(options.Redis!)));
            services.AddSingleton<ILiveState>(sp => new RedisLiveState(sp.GetRequiredService<IConnectionMultiplexer>(), options.RedisPrefix));
            services.AddSingleton<ILiveVideoState>(sp => new RedisLiveVideoState(sp.GetRequiredService<IConnectionMultiplexer>(), options.RedisPrefix));
            services.AddSingleton<IBlobStore>(_ => new AzureBlobStore(options.BlobStorage!, options.BlobContainer));
            // Embedded mode has no default: the in-process Realtime registers its own notifier.
            services.AddSingleton<ILiveNotifier>(sp => new RedisStreamLiveNotifier(sp.GetRequiredService<IConnectionMultiplexer>(), options.RedisPrefix));
        }

        services.AddOptions<VideoOptions>().BindConfiguration(VideoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ISmsSender, OutboxSmsSender>();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateOnStart();
        if (builder.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() is { Enabled: true })
            services.AddSingleton<IEmailSender, MailKitEmailSender>();
        else
            services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddLiveHireRecordings();
        services.AddScoped<LiveHire.Core.Fairs.FairEditions>();
        services.AddScoped<LiveHire.Core.Fairs.ReminderSchedule>();
        services.AddScoped<LiveHire.Core.Fairs.ReminderDispatcher>();
        services.AddScoped<LiveHire.Core.Messaging.ChannelDelivery>();
        services.AddScoped<LiveHire.Core.Fairs.StaffNoticePlanner>();
        services.AddScoped<LiveHire.Core.Fairs.StaffNoticeDispatcher>();
        services.AddLiveHireHealthChecks(options);
        return options;
    }

    internal static LiveHireOptions ReadValidated(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new LiveHireOptions();
        configuration.GetSection(LiveHireOptions.Section).Bind(options);
        var failures = new List<string>();
        var annotations = new DataAnnotationValidateOptions<LiveHireOptions>(null).Validate(null, options);
        if (annotations.Failed) failures.AddRange(annotations.Failures);
        var modeChecks = new LiveHireOptionsValidator().Validate(null, options);
        if (modeChecks.Failed) failures.AddRange(modeChecks.Failures);
        if (failures.Count > 0)
            throw new OptionsValidationException(LiveHireOptions.Section, typeof(LiveHireOptions), failures);
        options.DataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        return options;
    }

    /// <summary>
    /// LiveHire's Redis connections (its own, and Realtime's SignalR backplane): their socket reads run on the .NET thread pool rather than on StackExchange.Redis's own
    /// dedicated threads. A vote is two Redis round trips, and on a small server each reply handed from a dedicated reader
    /// thread to the pool cost a thread switch (bench issue 7, vote storm).
    /// </summary>
    public static ConfigurationOptions RedisConfiguration(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.SocketManager = SocketManager.ThreadPool;
        return configuration;
    }
}
