using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

// Wire shapes of the resume and application endpoints (README "Resumes and applications"), declared here so that the
// tests check the API, not shared types.
public sealed record ResumeRow(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt);
public sealed record ApplicationRow(Guid Id, Guid JobId, string JobTitle, Guid? ResumeId, Guid? SessionId, string Status, DateTimeOffset SubmittedAt);
public sealed record ResumeLinkRow(string Url, DateTimeOffset ExpiresAt);

/// <summary>What the tests of resumes and applications do over HTTP.</summary>
internal static class ResumeApi
{
    public const string OtherCandidate = "candidate2@demo.livehire";

    public static async Task<HttpResponseMessage> UploadAsync(SignedInClient client, byte[] bytes, string fileName, string contentType,
        CancellationToken ct, bool announceLength = true, bool withToken = true)
    {
        HttpContent file = announceLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resumes") { Content = form };
        if (!announceLength) request.Headers.TransferEncodingChunked = true;
        if (withToken) request.Headers.Add("RequestVerificationToken", await client.AntiforgeryTokenAsync("/", ct));
        return await client.Http.SendAsync(request, ct);
    }

    public static async Task<ResumeRow> UploadOkAsync(SignedInClient client, byte[] bytes, string fileName, CancellationToken ct)
    {
        using var response = await UploadAsync(client, bytes, fileName, "application/octet-stream", ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<ResumeRow>(ct))!;
    }

    public static Task<HttpResponseMessage> ApplyAsync(SignedInClient client, Guid jobId, Guid? resumeId, Guid? sessionId, CancellationToken ct) =>
        client.Http.PostAsJsonAsync("/api/v1/applications", new { jobId, resumeId, sessionId }, ct);

    public static async Task<string?> ProblemCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(ct);
        return problem!.TryGetValue("code", out var code) ? code.GetString() : null;
    }

    /// <summary>A body whose length the client does not know, so it goes chunked and only the server's counting can stop it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
