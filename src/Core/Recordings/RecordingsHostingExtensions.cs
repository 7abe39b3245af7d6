using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace LiveHire.Core.Recordings;

public static class RecordingsHostingExtensions
{
    /// <summary>The archive request port and the recording settings (validated at start-up).</summary>
    public static IServiceCollection AddLiveHireRecordings(this IServiceCollection services)
    {
        services.AddOptions<RecordingOptions>()
            .BindConfiguration(RecordingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<IRecordingArchiver, RecordingArchiver>();
        return services;
    }
}
