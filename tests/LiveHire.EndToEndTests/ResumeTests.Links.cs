using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>The host's short-lived resume link: for the employer's recruiters only, and only for a few minutes.</summary>
public sealed partial class ResumeTests
{
    [Fact]
    public async Task Resume_link_opens_the_file_for_the_employers_recruiters_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var (applicationId, bytes) = await ApplyWithResumeAsync(app.BaseUrl, ct);
        using var host = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);

        var link = (await (await host.Http.PostAsync($"/api/v1/applications/{applicationId}/resume-link", null, ct))
            .Content.ReadFromJsonAsync<ResumeLinkRow>(ct))!;
        using var opened = await host.Http.GetAsync(link.Url, ct);

        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await opened.Content.ReadAsByteArrayAsync(ct)).ShouldBe(bytes);
        opened.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        opened.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("陈小红简历.docx", "RFC 5987 keeps the Chinese name");
        link.ExpiresAt.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(5));

        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        using var otherRecruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.OtherRecruiter, People.Password, ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("recruiter of another employer", otherRecruiter), ("candidate", candidate) })
        {
            using var refused = await client.Http.GetAsync(link.Url, ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"a link forwarded to a {who} does not open");
        }
        (await otherRecruiter.Http.PostAsync($"/api/v1/applications/{applicationId}/resume-link", null, ct)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "another employer's recruiter cannot get a link either");
        (await host.Http.GetAsync($"/resumes/{applicationId}/file?t=forged", ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.Http.GetAsync($"/resumes/{Guid.NewGuid()}/file?{link.Url.Split('?')[1]}", ct)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "a link is bound to its application");
    }

    [Fact]
    public async Task Studio_resume_link_redirects_to_a_fresh_short_lived_link()
    {
        var ct = TestContext.Current.CancellationToken;
        var (applicationId, bytes) = await ApplyWithResumeAsync(app.BaseUrl, ct, People.Candidate);
        using var host = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);

        using var redirect = await host.Http.GetAsync($"/resumes/{applicationId}", ct);

        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.OriginalString.ShouldStartWith($"/resumes/{applicationId}/file?t=");
        (await host.Http.GetByteArrayAsync(redirect.Headers.Location.OriginalString, ct)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Resume_link_stops_working_after_it_expires()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = TestTempDirectory.Create("resume-link");
        try
        {
            // A one-second lifetime instead of five minutes: the same code path, without waiting minutes.
            await using var web = await LiveHireApp.StartAsync(LiveHireHost.Web, new Dictionary<string, string>
            {
                ["LiveHire__Mode"] = "Embedded",
                ["LiveHire__DataDirectory"] = dataDirectory,
                ["LiveHire__Resumes__LinkLifetime"] = "00:00:01",
            }, ["--demo"], cancellationToken: ct);
            await web.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60), ct);
            var (applicationId, _) = await ApplyWithResumeAsync(web.BaseUrl, ct);
            using var host = await SignedInClient.SignInAsync(web.BaseUrl, People.Recruiter, People.Password, ct);
            var link = (await (await host.Http.PostAsync($"/api/v1/applications/{applicationId}/resume-link", null, ct))
                .Content.ReadFromJsonAsync<ResumeLinkRow>(ct))!;

            await Task.Delay(link.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300), ct);

            using var expired = await host.Http.GetAsync(link.Url, ct);
            expired.StatusCode.ShouldBe(HttpStatusCode.Gone);
            (await ResumeApi.ProblemCodeAsync(expired, ct)).ShouldBe("resume.link_expired");
        }
        finally
        {
            TestTempDirectory.Delete(dataDirectory);
        }
    }

    /// <summary>A candidate uploads a Word resume and applies with it to one of the live session's jobs.</summary>
    private static async Task<(Guid ApplicationId, byte[] Bytes)> ApplyWithResumeAsync(Uri baseUrl, CancellationToken ct,
        string candidateEmail = ResumeApi.OtherCandidate)
    {
        var demo = await DemoIds.LoadAsync(baseUrl, ct);
        using var candidate = await SignedInClient.SignInAsync(baseUrl, candidateEmail, People.Password, ct);
        var bytes = SampleFiles.Docx();
        var resume = await ResumeApi.UploadOkAsync(candidate, bytes, "陈小红简历.docx", ct);
        // Each caller applies to a different job: one application per candidate and job.
        var job = candidateEmail == People.Candidate ? demo.Clerk : demo.Packer;
        using var applied = await ResumeApi.ApplyAsync(candidate, job, resume.Id, demo.LiveSessionId, ct);
        applied.IsSuccessStatusCode.ShouldBeTrue(await applied.Content.ReadAsStringAsync(ct));
        return ((await applied.Content.ReadFromJsonAsync<ApplicationRow>(ct))!.Id, bytes);
    }
}
