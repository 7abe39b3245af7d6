namespace LiveHire.Testing;

/// <summary>A server started by a test did not come up; the message carries the end of its log.</summary>
public sealed class TestServerStartException : Exception
{
    public TestServerStartException(string message)
        : base(message)
    {
    }

    public TestServerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static TestServerStartException WithLog(string message, string logTail) =>
        new($"{message}{Environment.NewLine}--- last lines of its log ---{Environment.NewLine}{logTail}");
}
