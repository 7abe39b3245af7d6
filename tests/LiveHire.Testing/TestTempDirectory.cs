namespace LiveHire.Testing;

/// <summary>Fresh, uniquely named directories for servers and files that tests create.</summary>
public static class TestTempDirectory
{
    /// <summary>
    /// Parent of every directory created here. scripts/test.sh sets it to a directory of its own so that
    /// it can find and stop any server a crashed test host left behind by looking for that path.
    /// </summary>
    public const string ParentVariable = "LIVEHIRE_TEST_TMP";

    /// <summary>The parent directory in force: <see cref="ParentVariable"/> if set, else the system temp directory.</summary>
    public static string Parent
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(ParentVariable);
            return string.IsNullOrWhiteSpace(configured) ? Path.GetTempPath() : Path.GetFullPath(configured);
        }
    }

    /// <summary>Creates an empty directory named <c>livehire-{prefix}-{random}</c> under <see cref="Parent"/>.</summary>
    public static string Create(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var parent = Parent;
        Directory.CreateDirectory(parent);

        // Short names keep PostgreSQL's socket path (dir + "/.s.PGSQL.port") under the 107-byte limit.
        var path = Path.Combine(parent, $"livehire-{prefix}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a directory made by <see cref="Create"/>, tolerating one that is already gone.</summary>
    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
