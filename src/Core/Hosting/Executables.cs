namespace LiveHire.Core.Hosting;

/// <summary>Finds a program the way a shell would: a path as given, a bare name on <c>PATH</c>.</summary>
public static class Executables
{
    /// <summary>The full path of <paramref name="nameOrPath"/>, or null when there is no such file.</summary>
    public static string? Find(string nameOrPath)
    {
        if (Path.IsPathRooted(nameOrPath) || nameOrPath.Contains(Path.DirectorySeparatorChar))
            return File.Exists(nameOrPath) ? nameOrPath : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, nameOrPath))
            .FirstOrDefault(File.Exists);
    }
}
