using System.CommandLine;
using System.CommandLine.Parsing;

namespace Trajeckt.Cli.Gateway;

/// <summary>
/// <c>trajeckt gateway [SETTING...]</c>: runs the MCP gateway until stopped. Its settings are the gateway
/// application's own, read the .NET way: <c>--Key=value</c> arguments (e.g.
/// <c>--Gateway:Upstreams:0:Url=http://127.0.0.1:5100/mcp</c>), environment variables
/// (<c>Gateway__Upstreams__0__Url</c>) and appsettings.json in the current directory.
/// </summary>
internal static class GatewayCommand
{
    public static Command Create(CliContext context)
    {
        var settings = new Argument<string[]>("setting")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "The gateway's configuration as --Key=value, the same keys as appsettings.json: --Gateway:Upstreams:0:Url=URL, "
                + "--Gateway:Upstreams:0:Command=CMD (a stdio upstream), --Gateway:Commitment=Auto|Operator|Heuristic, --Gateway:Policy=FILE, "
                + "--Trajeckt:TrustedKeys:0=KEY, --Gateway:Tools:TOOL=EFFECTS, --urls=http://127.0.0.1:8787 (docs/gateway.md lists them all).",
        };
        var command = new Command("gateway", "Run the MCP gateway: an MCP server (Streamable HTTP, default http://127.0.0.1:8787/mcp) in front of "
            + "MCP upstreams that decides every tools/call by a sealed trajectory commitment. Stops on Ctrl+C. Needs the Trajeckt.Cli tool, "
            + "which ships the gateway.")
        {
            settings,
        };
        // The settings are configuration keys, not options of this command: they reach the gateway as given.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(context, AppContext.BaseDirectory, Settings(parse), cancellationToken));
        return command;
    }

    /// <summary>Runs the gateway found beside the CLI in <paramref name="cliDirectory"/>, or says how to get it.</summary>
    internal static async Task<int> RunAsync(CliContext context, string cliDirectory, string[] settings, CancellationToken cancellationToken)
    {
        if (!GatewayLocation.TryFind(cliDirectory, out var gatewayDll))
        {
            return context.Fail($"this trajeckt has no gateway beside it ({Path.Combine(cliDirectory, GatewayLocation.Folder, GatewayLocation.Assembly)} "
                + "not found): the gateway ships in the Trajeckt.Cli tool; install it with 'dotnet tool install --global Trajeckt.Cli' "
                + "(in the repository, build src/Trajeckt.Gateway and src/Trajeckt.Cli)");
        }
        return await GatewayProcess.RunAsync(gatewayDll, settings, cancellationToken).ConfigureAwait(false);
    }

    // Every token after the command word, in the order given (matched as the argument or not).
    private static string[] Settings(ParseResult parse) =>
        parse.Tokens.SkipWhile(t => !(t.Type == TokenType.Command && t.Value == "gateway")).Skip(1).Select(t => t.Value).ToArray();
}
