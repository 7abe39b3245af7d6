namespace LiveHire.Testing;

/// <summary>The outcome of a short command run to completion.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public string Describe() => $"`{CommandLine}` exited with {ExitCode}:{Environment.NewLine}{Output}";
}
