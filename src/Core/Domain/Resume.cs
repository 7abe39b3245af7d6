namespace LiveHire.Core.Domain;

/// <summary>A file in a candidate's resume library. The bytes live in blob storage under <see cref="BlobKey"/>.</summary>
public sealed class Resume
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; private set; }
    public Guid CandidateId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string BlobKey { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    private Resume() { }

    public static Resume Create(Guid candidateId, string fileName, string contentType, long sizeBytes, string blobKey, DateTimeOffset now)
    {
        var name = Path.GetFileName(fileName);
        if (name.Length > FileNameMaxLength) name = name[^FileNameMaxLength..];
        return new Resume
        {
            Id = Guid.CreateVersion7(now), CandidateId = candidateId, FileName = name, ContentType = contentType,
            SizeBytes = sizeBytes, BlobKey = blobKey, UploadedAt = now,
        };
    }
}
