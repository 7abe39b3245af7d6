using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Hosting;
using LiveHire.Core.Ports;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using StackExchange.Redis;

namespace LiveHire.IntegrationTests.Messaging;

/// <summary>
/// A reminder e-mail as the composed Core sends it with <c>LiveHire:Smtp</c> set: MailKit talks to a real SMTP server on
/// loopback (SmtpServer, with a login), which hands over the MIME message it received.
/// </summary>
public sealed class SmtpReminderEmailTests(TestServers servers) : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero); // Saturday 09:00 Beijing
    private readonly string directory = TestTempDirectory.Create("smtp");
    private readonly CancellationTokenSource stop = new();
    private readonly Inbox inbox = new();

    [Fact]
    public async Task A_reminder_email_reaches_the_smtp_server_in_chinese_with_the_sessions_calendar_in_beijing_time()
    {
        var port = FreePort.Next();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(inbox);
        services.Add(new Login());
        var server = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true)).Build(),
            services);
        var listening = server.StartAsync(stop.Token);
        var clock = new FakeTimeProvider(Start.AddDays(-3));
        using var redis = await ConnectionMultiplexer.ConnectAsync(servers.RedisConnectionString);
        using var host = Host(port, clock, redis);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IEmailSender>().ShouldBeOfType<MailKitEmailSender>();
        var (candidate, sessionId) = await SeedAsync(scope.ServiceProvider, clock);

        clock.SetUtcNow(Start.AddDays(-1));
        (await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(Ct)).ShouldBe(1);

        var message = inbox.Received.ShouldHaveSingleItem();
        message.From.Mailboxes.Single().Address.ShouldBe("noreply@livehire.test");
        message.To.Mailboxes.Single().Address.ShouldBe(candidate);
        message.Subject.ShouldBe("招聘会提醒：「电工专场」直播");
        message.TextBody.ShouldNotBeNull().ShouldContain("「电工专场」直播将于 11月28日 09:00 开始（还有 1 天）");
        var ics = message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        ics.ContentType.MimeType.ShouldBe("text/calendar");
        ics.ContentType.Parameters["method"].ShouldBe("PUBLISH");
        ics.FileName.ShouldBe("session.ics");
        using var text = new StreamReader(ics.Content.ShouldNotBeNull().Open());
        var calendar = await text.ReadToEndAsync(Ct);
        calendar.ShouldContain("TZID:Asia/Shanghai");
        calendar.ShouldContain("DTSTART;TZID=Asia/Shanghai:20261128T090000");
        calendar.ShouldContain($"UID:session-{sessionId:N}@livehire");
        server.Shutdown();
        await listening;
    }

    private IHost Host(int port, TimeProvider clock, IConnectionMultiplexer redis)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveHire:Mode"] = "Embedded", ["LiveHire:DataDirectory"] = directory,
            ["LiveHire:Smtp:Host"] = "127.0.0.1", ["LiveHire:Smtp:Port"] = port.ToString(), ["LiveHire:Smtp:Security"] = "None",
            ["LiveHire:Smtp:UserName"] = "livehire", ["LiveHire:Smtp:Password"] = "s3cret-pass", ["LiveHire:Smtp:From"] = "LiveHire 招聘会 <noreply@livehire.test>",
        });
        builder.AddLiveHireCore();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<ILiveNotifier>(new RedisStreamLiveNotifier(redis, $"t{Guid.NewGuid():N}"));
        return builder.Build();
    }

    /// <summary>A candidate who chose e-mail registers for a 09:00 session of a fair.</summary>
    private static async Task<(string Email, Guid SessionId)> SeedAsync(IServiceProvider services, TimeProvider clock)
    {
        var db = services.GetRequiredService<LiveHireDbContext>();
        await db.Database.MigrateAsync(Ct);
        var now = clock.GetUtcNow();
        var organizer = Organization.Create("江北区就业服务中心", OrganizationKind.Organizer, "江北区", now);
        var employer = Organization.Create("江北电力安装公司", OrganizationKind.Employer, "江北区", now);
        var candidate = new User { UserName = "zhang", DisplayName = "张师傅", Email = "zhang@example.org", CreatedAt = now };
        candidate.ChooseChannels(MessageChannels.Email).IsSuccess.ShouldBeTrue();
        db.AddRange(organizer, employer, candidate);
        var fair = Fair.Create(organizer.Id, "江北周六招聘会", "", "江北区", Start, Start.AddHours(3), now).Value!;
        var session = LiveSession.Schedule(employer.Id, fair.Id, "电工专场", Start, Start.AddHours(1), candidate.Id, now).Value!;
        var registration = FairRegistration.Create(candidate.Id, fair.Id, session.Id, now);
        db.AddRange(fair, session, registration);
        await db.SaveChangesAsync(Ct);
        (await services.GetRequiredService<ReminderSchedule>().ScheduleAsync(fair.Id, registration.Id, Ct)).ShouldBe(3);
        return (candidate.Email, session.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
        TestTempDirectory.Delete(directory);
    }

    private sealed class Inbox : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Login : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == "livehire" && password == "s3cret-pass");
    }
}
