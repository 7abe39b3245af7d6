namespace LiveHire.Testing;

/// <summary>Locations inside the repository, found from the test binaries' own directory.</summary>
public static class RepoPaths
{
    private const string SolutionFileName = "LiveHire.sln";

    private static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The directory that holds LiveHire.sln.</summary>
    public static string Root => root.Value;

    /// <summary>The npm project under tests/tools that pins Azurite and other test-only tools.</summary>
    public static string TestTools => Path.Combine(Root, "tests", "tools");

    private static string FindRoot()
    {
        // Test binaries run from tests/<project>/bin/<config>/<tfm>/, so walking up always reaches the solution.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} found in {AppContext.BaseDirectory} or any directory above it.");
    }
}
