using System.Text.Json;

namespace Trajeckt.Cli.Tests.Replay;

/// <summary>Runs <c>trajeckt replay</c> in process, and reads what it printed line by line.</summary>
internal static class ReplayCli
{
    public static CliRun Run(params string[] args) => CliRun.Of(["replay", .. args]);

    public static string[] OutputLines(this CliRun run) => Lines(run.Output);

    public static string[] ErrorLines(this CliRun run) => Lines(run.Error);

    /// <summary>Each line of standard output parsed as one JSON object (the <c>--json</c> format).</summary>
    public static List<JsonElement> JsonLines(this CliRun run) =>
        run.OutputLines().Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();
}
