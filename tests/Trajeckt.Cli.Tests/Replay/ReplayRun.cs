using System.Text.Json;
using Trajeckt.Cli;

namespace Trajeckt.Cli.Tests.Replay;

/// <summary>One in-process run of <c>trajeckt replay</c>: exit code, standard output and error, split into lines.</summary>
internal sealed record ReplayRun(int ExitCode, string Output, string Error)
{
    public static ReplayRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(["replay", .. args], output, error);
        return new ReplayRun(code, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Lines(Output);

    public string[] ErrorLines => Lines(Error);

    /// <summary>Each line of standard output parsed as one JSON object (the <c>--json</c> format).</summary>
    public List<JsonElement> JsonLines() => OutputLines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    /// <summary>Never a stack trace, whatever went wrong.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Output + Error);
        Assert.DoesNotContain("Exception", Output + Error);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
