namespace Trajeckt.Cli.Gateway;

/// <summary>
/// Where <c>trajeckt gateway</c> finds the gateway application (docs/gateway.md, "trajeckt gateway"): its
/// publish output in a <c>gateway</c> folder beside the CLI (the Trajeckt.Cli tool package), or, in a build of
/// the repository, the gateway's own build output named by a <c>trajeckt-gateway.path</c> file that the CLI's
/// build writes beside it. The signer copy of the CLI inside the Trajeckt package has neither.
/// </summary>
internal static class GatewayLocation
{
    /// <summary>The gateway's folder beside the CLI, as the tool package lays it out.</summary>
    public const string Folder = "gateway";

    /// <summary>The file a repository build writes beside the CLI: one line, the gateway's built dll.</summary>
    public const string PathFile = "trajeckt-gateway.path";

    /// <summary>The gateway application's assembly.</summary>
    public const string Assembly = "Trajeckt.Gateway.dll";

    /// <summary>Finds the gateway's dll for the CLI installed in <paramref name="cliDirectory"/>.</summary>
    public static bool TryFind(string cliDirectory, out string gatewayDll)
    {
        gatewayDll = Path.Combine(cliDirectory, Folder, Assembly);
        if (IsRunnable(gatewayDll))
            return true;
        var pathFile = Path.Combine(cliDirectory, PathFile);
        if (File.Exists(pathFile))
        {
            gatewayDll = File.ReadAllText(pathFile).Trim();
            if (Path.IsPathFullyQualified(gatewayDll) && IsRunnable(gatewayDll))
                return true;
        }
        gatewayDll = "";
        return false;
    }

    // dotnet runs an app's dll only with the runtimeconfig.json that names its shared frameworks.
    private static bool IsRunnable(string dll) => File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));
}
