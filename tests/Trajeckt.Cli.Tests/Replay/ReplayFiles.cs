namespace Trajeckt.Cli.Tests.Replay;

/// <summary>A private temporary folder for a test's policy and trace files, deleted on dispose.</summary>
internal sealed class ReplayFiles : IDisposable
{
    public ReplayFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "trajeckt-replay-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder must not fail a test.
        }
    }
}
