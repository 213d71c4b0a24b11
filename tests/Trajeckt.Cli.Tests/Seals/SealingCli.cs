namespace Trajeckt.Cli.Tests.Seals;

/// <summary>Runs the CLI in process inside a temporary folder and captures what it writes.</summary>
internal sealed class SealingCli : IDisposable
{
    public const string Policy = """
        trajectory Support {
          tool read_ticket;
          tool send_email : sink(external);
          plan read_ticket send_email?;
        }
        trajectory Billing {
          tool charge;
          plan charge;
        }
        """;

    public SealingCli() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "trajeckt-cli-seals-" + Guid.NewGuid().ToString("N"));

    public string Out { get; private set; } = "";

    public string Err { get; private set; } = "";

    public string File(string name) => Path.Combine(Folder, name);

    public string Write(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text);
        return File(name);
    }

    public int Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        Out = output.ToString();
        Err = error.ToString();
        // Whatever happened, never a stack trace.
        Assert.DoesNotContain("   at ", Err);
        return code;
    }

    /// <summary>Generates a key pair under <paramref name="prefix"/> in the folder and returns the prefix path.</summary>
    public string Keygen(string prefix = "op", bool development = false)
    {
        var path = File(prefix);
        var code = development ? Run("keygen", "--out", path, "--development") : Run("keygen", "--out", path);
        Assert.True(code == 0, Err);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
