using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>The resume library over real HTTP: types judged by content, the size limit, and who may open a resume.</summary>
public sealed partial class ResumeTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    public static TheoryData<string, string, string> RealFiles => new()
    {
        { "pdf", "我的简历.pdf", "application/pdf" },
        { "png", "简历照片.png", "image/png" },
        { "jpg", "scan.jpg", "image/jpeg" },
        { "docx", "陈小红简历.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task Upload_accepts_real_pdf_png_jpg_and_docx_files(string kind, string fileName, string expectedType)
    {
        var ct = TestContext.Current.CancellationToken;
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        var bytes = SampleFiles.Of(kind);

        using var response = await ResumeApi.UploadAsync(candidate, bytes, fileName, "application/octet-stream", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        var resume = (await response.Content.ReadFromJsonAsync<ResumeRow>(ct))!;
        resume.ContentType.ShouldBe(expectedType, "the type comes from the bytes, not from what the client said");
        resume.SizeBytes.ShouldBe(bytes.Length);
        resume.FileName.ShouldBe(fileName);
        (await candidate.Http.GetFromJsonAsync<List<ResumeRow>>("/api/v1/resumes", ct))!.ShouldContain(r => r.Id == resume.Id);
        (await candidate.Http.GetByteArrayAsync($"/api/v1/resumes/{resume.Id}/file", ct)).ShouldBe(bytes);
    }

    [Fact]
    public async Task A_picture_named_pdf_is_stored_as_the_picture_it_is()
    {
        var ct = TestContext.Current.CancellationToken;
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);

        using var response = await ResumeApi.UploadAsync(candidate, SampleFiles.Png(), "简历.pdf", "application/pdf", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var resume = (await response.Content.ReadFromJsonAsync<ResumeRow>(ct))!;
        resume.ContentType.ShouldBe("image/png");
        resume.FileName.ShouldBe("简历.pdf.png");
    }

    public static TheoryData<string> NotResumes => ["exe", "html", "zip", "text"];

    [Theory]
    [MemberData(nameof(NotResumes))]
    public async Task Upload_refuses_what_is_not_a_resume_even_when_named_and_typed_as_a_pdf(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);

        using var response = await ResumeApi.UploadAsync(candidate, SampleFiles.Of(kind), "resume.pdf", "application/pdf", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await ResumeApi.ProblemCodeAsync(response, ct)).ShouldBe("resume.unsupported_type");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Upload_over_10_MB_is_refused_with_413_whether_or_not_the_length_is_announced(bool announceLength)
    {
        var ct = TestContext.Current.CancellationToken;
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        var bytes = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(bytes);

        using var response = await ResumeApi.UploadAsync(candidate, bytes, "big.pdf", "application/pdf", ct, announceLength);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ResumeApi.ProblemCodeAsync(response, ct)).ShouldBe("resume.too_large");
        (await candidate.Http.GetFromJsonAsync<List<ResumeRow>>("/api/v1/resumes", ct))!.ShouldNotContain(r => r.FileName == "big.pdf");
    }

    [Fact]
    public async Task Empty_or_missing_file_is_refused_with_400()
    {
        var ct = TestContext.Current.CancellationToken;
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);

        using var empty = await ResumeApi.UploadAsync(candidate, [], "empty.pdf", "application/pdf", ct);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ResumeApi.ProblemCodeAsync(empty, ct)).ShouldBe("validation.resume.empty");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resumes") { Content = new MultipartFormDataContent { { new StringContent("x"), "note" } } };
        request.Headers.Add("RequestVerificationToken", await candidate.AntiforgeryTokenAsync("/", ct));
        using var missing = await candidate.Http.SendAsync(request, ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ResumeApi.ProblemCodeAsync(missing, ct)).ShouldBe("validation.resume.missing");
    }

    [Fact]
    public async Task Upload_needs_a_candidate_and_the_pages_antiforgery_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = SignedInClient.Anonymous(app.BaseUrl);
        using var recruiter = await SignedInClient.SignInAsync(app.BaseUrl, People.Recruiter, People.Password, ct);
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);

        (await ResumeApi.UploadAsync(anonymous, SampleFiles.Pdf(), "a.pdf", "application/pdf", ct, withToken: false)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ResumeApi.UploadAsync(recruiter, SampleFiles.Pdf(), "a.pdf", "application/pdf", ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var forged = await ResumeApi.UploadAsync(candidate, SampleFiles.Pdf(), "a.pdf", "application/pdf", ct, withToken: false);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a multipart post from another site carries no token");
        (await ResumeApi.ProblemCodeAsync(forged, ct)).ShouldBe("validation.antiforgery");
    }

    [Fact]
    public async Task Deleted_resume_leaves_the_library_and_its_file_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var candidate = await SignedInClient.SignInAsync(app.BaseUrl, People.Candidate, People.Password, ct);
        var resume = await ResumeApi.UploadOkAsync(candidate, SampleFiles.Pdf(), "old.pdf", ct);

        (await candidate.Http.DeleteAsync($"/api/v1/resumes/{resume.Id}", ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await candidate.Http.GetFromJsonAsync<List<ResumeRow>>("/api/v1/resumes", ct))!.ShouldNotContain(r => r.Id == resume.Id);
        (await candidate.Http.GetAsync($"/api/v1/resumes/{resume.Id}/file", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var other = await SignedInClient.SignInAsync(app.BaseUrl, ResumeApi.OtherCandidate, People.Password, ct);
        (await other.Http.DeleteAsync($"/api/v1/resumes/{resume.Id}", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
