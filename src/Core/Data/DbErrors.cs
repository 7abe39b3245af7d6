using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LiveHire.Core.Data;

/// <summary>What a failed save says about its data, whichever database (PostgreSQL or SQLite) it came from.</summary>
public static class DbErrors
{
    /// <summary>
    /// The save broke a constraint (foreign key, unique, not null, check): something in the rows themselves is wrong, so
    /// the same rows would fail again and others would not. False for the database being unreachable, slow or failing.
    /// </summary>
    public static bool IsConstraintViolation(Exception exception) =>
        exception is DbUpdateException { InnerException: var inner } && inner switch
        {
            // Class 23 is "integrity constraint violation".
            PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
            // SQLITE_CONSTRAINT
            SqliteException sqlite => sqlite.SqliteErrorCode == 19,
            _ => false,
        };
}
