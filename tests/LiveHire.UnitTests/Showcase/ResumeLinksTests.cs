using LiveHire.Web.Features.Resumes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.UnitTests.Showcase;

public sealed class ResumeLinksTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly ResumeLinks links;

    public ResumeLinksTests() =>
        links = new ResumeLinks(new EphemeralDataProtectionProvider(), clock, Microsoft.Extensions.Options.Options.Create(new ResumeOptions()));

    [Fact]
    public void Link_works_for_five_minutes_then_reads_as_expired()
    {
        var applicationId = Guid.NewGuid();
        var (url, expiresAt) = links.Issue(applicationId);

        expiresAt.ShouldBe(clock.GetUtcNow().AddMinutes(5));
        links.Check(applicationId, Token(url)).ShouldBe(ResumeLinkCheck.Valid);
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        links.Check(applicationId, Token(url)).ShouldBe(ResumeLinkCheck.Valid);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        links.Check(applicationId, Token(url)).ShouldBe(ResumeLinkCheck.Expired);
    }

    [Fact]
    public void Link_is_bound_to_its_application_and_cannot_be_forged()
    {
        var (url, _) = links.Issue(Guid.NewGuid());

        links.Check(Guid.NewGuid(), Token(url)).ShouldBe(ResumeLinkCheck.Forged);
        links.Check(Guid.NewGuid(), "not-a-token").ShouldBe(ResumeLinkCheck.Forged);
        links.Check(Guid.NewGuid(), null).ShouldBe(ResumeLinkCheck.Forged);
    }

    private static string Token(string url) => Uri.UnescapeDataString(url[(url.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);
}
