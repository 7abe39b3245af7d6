using System.ComponentModel.DataAnnotations;

namespace LiveHire.Core.Options;

public enum RunMode { Embedded = 1, Distributed = 2 }

/// <summary>
/// The settings every host reads, bound from the "LiveHire" section. Which ones are required depends on
/// <see cref="Mode"/>; <see cref="LiveHireOptionsValidator"/> names any that are missing or wrong.
/// </summary>
public sealed class LiveHireOptions
{
    public const string Section = "LiveHire";

    public RunMode Mode { get; set; } = RunMode.Embedded;

    /// <summary>Embedded mode: where the SQLite file, the Hangfire store and blobs live. Relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Distributed mode: PostgreSQL connection string.</summary>
    public string? Postgres { get; set; }

    /// <summary>Distributed mode: Redis connection string (backplane, live state, Hangfire).</summary>
    public string? Redis { get; set; }

    /// <summary>Distributed mode: Azure Blob Storage connection string (Azurite in tests).</summary>
    public string? BlobStorage { get; set; }

    [Required, RegularExpression("^[a-z0-9-]{3,63}$", ErrorMessage = "LiveHire:BlobContainer must be 3-63 lower-case letters, digits or '-'.")]
    public string BlobContainer { get; set; } = "livehire";

    /// <summary>Prefix for every Redis key and channel, so several deployments can share one Redis.</summary>
    [Required, RegularExpression("^[A-Za-z0-9:_-]{1,40}$", ErrorMessage = "LiveHire:RedisPrefix must be 1-40 letters, digits, ':', '_' or '-'.")]
    public string RedisPrefix { get; set; } = "livehire";

    /// <summary>Where browsers reach the live-room hub; empty means the same origin as the pages (nginx routes /hubs).</summary>
    public string RealtimePublicUrl { get; set; } = "";

    /// <summary>Embedded mode applies migrations at start-up; Distributed mode needs the explicit <c>migrate</c> command.</summary>
    public bool ApplyMigrationsAtStartup => Mode == RunMode.Embedded;
}
