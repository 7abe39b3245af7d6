namespace LiveHire.Testing;

/// <summary>Keeps the last lines a child process printed, so a startup failure can show them.</summary>
internal sealed class LogTail
{
    private readonly int capacity;
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public LogTail(int capacity = 60) => this.capacity = capacity;

    public void Add(string? line)
    {
        // A null line is how Process signals the end of a stream; there is nothing to keep.
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > capacity)
            {
                lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, lines);
        }
    }

    /// <summary>The last lines of a log file that a server writes itself (PostgreSQL).</summary>
    public static string OfFile(string path, int lineCount = 60)
    {
        if (!File.Exists(path))
        {
            return $"(no log file at {path})";
        }

        // The server may still hold the file open for writing, so share it rather than lock it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var tail = new LogTail(lineCount);
        while (reader.ReadLine() is { } line)
        {
            tail.Add(line);
        }

        return tail.ToString();
    }
}
