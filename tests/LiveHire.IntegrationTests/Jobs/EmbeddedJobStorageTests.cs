using LiveHire.IntegrationTests.Testing;
using Hangfire;
using LiveHire.Core.Options;
using LiveHire.Testing;
using LiveHire.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace LiveHire.IntegrationTests.Jobs;

/// <summary>Embedded mode's job store is a file: what was scheduled before a restart is still scheduled after it.</summary>
[Collection(HangfireGlobalState.Name)]
public sealed class EmbeddedJobStorageTests : IDisposable
{
    private readonly string directory = TestTempDirectory.Create("jobs");

    [Fact]
    public void Job_scheduled_before_a_restart_is_still_scheduled_after_it()
    {
        var options = new LiveHireOptions { Mode = RunMode.Embedded, DataDirectory = directory };
        string jobId;
        using (var first = Host(options))
        {
            jobId = first.GetRequiredService<IBackgroundJobClient>().Schedule<SampleJob>(j => j.Run("每周一聘"), TimeSpan.FromHours(1));
            first.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount().ShouldBe(1);
        }

        using var second = Host(options);
        var monitoring = second.GetRequiredService<JobStorage>().GetMonitoringApi();
        monitoring.ScheduledCount().ShouldBe(1);
        monitoring.JobDetails(jobId).ShouldNotBeNull().Job.Args.ShouldBe(["每周一聘"]);
        File.Exists(Path.Combine(directory, "jobs.db")).ShouldBeTrue();
    }

    private static ServiceProvider Host(LiveHireOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLiveHireJobs(options, runServer: false);
        return services.BuildServiceProvider();
    }

    public void Dispose() => TestTempDirectory.Delete(directory);

    public sealed class SampleJob
    {
        public void Run(string name) => ArgumentException.ThrowIfNullOrEmpty(name);
    }
}
