using System.Text.RegularExpressions;
using Npgsql;

namespace LiveHire.Testing;

/// <summary>Creates empty databases on a PostgreSQL server through an admin connection, so tests can isolate their data.</summary>
public static partial class PostgresDatabases
{
    /// <summary>A unique, valid database name such as <c>t_3f2a…</c>.</summary>
    public static string UniqueName(string prefix = "t") => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>
    /// Runs <c>CREATE DATABASE</c> for <paramref name="name"/> and returns <paramref name="adminConnectionString"/>
    /// pointed at the new database.
    /// </summary>
    public static async Task<string> CreateAsync(string adminConnectionString, string name, CancellationToken cancellationToken = default)
    {
        // CREATE DATABASE takes no parameters, so the name is spliced in; only plain lower-case identifiers are allowed.
        if (!SafeName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a plain database name (lower-case letters, digits and '_', at most 63).", nameof(name));
        }

        // No pooling for this one-off admin connection: a pool would outlive a server that a test stops and restarts.
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SafeName();
}
