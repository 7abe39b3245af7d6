using LiveHire.Core.Hosting;
using LiveHire.Core.Options;
using LiveHire.Realtime.Features.LiveRoom;
using LiveHire.Realtime.Features.Video;
using LiveHire.Core.Ports;
using LiveHire.Realtime.Hubs;
using LiveHire.Realtime.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace LiveHire.Realtime;

/// <summary>How a host (the Realtime process, or Web in Embedded mode) takes on the live room.</summary>
public static class RealtimeHostingExtensions
{
    public static IServiceCollection AddLiveHireRealtime(this IServiceCollection services, LiveHireOptions options)
    {
        var signalR = services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.EnableDetailedErrors = false;
        });
        // Use cases of the live room; hub methods take them as injected parameters.
        // Facts every vote and join would read from the database, kept a moment and dropped by each change made here.
        services.AddSingleton<RoomCache>();
        // Questions asked while others are being stored are stored together (group commit).
        services.AddSingleton<QuestionWriter>();
        services.AddScoped<JoinRoom.Handler>();
        services.AddScoped<ListViewers.Handler>();
        services.AddScoped<AskQuestion.Handler>();
        services.AddScoped<VoteQuestion.Handler>();
        services.AddScoped<AnswerQuestion.Handler>();
        services.AddScoped<ModerateQuestion.Handler>();
        services.AddScoped<ModerationQueue.Handler>();
        services.AddScoped<ConfigureModeration.Handler>();
        services.AddScoped<BanViewer.Handler>();
        services.AddSingleton<VoteBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<VoteBroadcaster>());
        services.AddSingleton<PresenceBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceBroadcaster>());
        services.AddScoped<SetLineup.Handler>();
        services.AddScoped<PresentJob.Handler>();
        // Live video: ingest (one ffmpeg per session on this node), state for viewers, going live and ending.
        services.AddMemoryCache();
        services.AddSingleton<VideoStateReporter>();
        services.AddSingleton<VideoIngest>();
        services.AddHostedService(sp => sp.GetRequiredService<VideoIngest>());
        services.AddScoped<GoLive.Handler>();
        services.AddScoped<EndSession.Handler>();
        services.AddScoped<RtmpCallbacks.Handler>();
        if (options.Mode == RunMode.Embedded)
        {
            // One process: Web's and Workers' events go straight to the hub.
            services.AddSingleton<ILiveNotifier, HubLiveNotifier>();
        }
        else
        {
            services.AddSingleton<HubLiveNotifier>();
            services.AddHostedService<LiveEventRelay>();
            // The backplane's own connection, configured like LiveHire's (CoreHostingExtensions.RedisConfiguration).
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = CoreHostingExtensions.RedisConfiguration(options.Redis!);
                o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal($"{options.RedisPrefix}:signalr");
            });
        }
        return services;
    }

    public static WebApplication MapLiveHireRealtime(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        IngestVideo.Map(app);
        ServeVideo.Map(app);
        RtmpCallbacks.Map(app);
        return app;
    }
}
