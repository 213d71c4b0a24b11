using Trajeckt.Cli.Gateway;

namespace Trajeckt.Cli.Tests.Gateway;

/// <summary>
/// <c>trajeckt gateway</c> where the gateway is not installed beside the CLI (the signer copy in the Trajeckt
/// package, or a stale repository build): a clear message and the invalid-input exit code, never a start.
/// </summary>
public sealed class MissingGatewayTests
{
    private const string InstallHint = "the gateway ships in the Trajeckt.Cli tool; install it with 'dotnet tool install --global Trajeckt.Cli'";

    [Fact]
    public void Without_the_gateway_beside_the_cli_it_says_to_install_the_tool()
    {
        // The tests' own folder holds the CLI's assembly but neither a gateway folder nor the repository's path file.
        var run = CliRun.Of("gateway", "--Gateway:Upstreams:0:Url=http://127.0.0.1:1/mcp");

        Assert.Equal(CliApp.InvalidInput, run.ExitCode);
        Assert.StartsWith("trajeckt: error: this trajeckt has no gateway beside it", run.Error);
        Assert.Contains(InstallHint, run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_path_file_naming_a_missing_gateway_is_refused_the_same_way()
    {
        using var cli = new TempFolder();
        cli.File(GatewayLocation.PathFile, Path.Combine(cli.Path, "gone", GatewayLocation.Assembly));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await GatewayCommand.RunAsync(new CliContext(output, error), cli.Path, [], CancellationToken.None);

        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains(InstallHint, error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void A_gateway_dll_without_its_runtimeconfig_is_not_taken_as_installed()
    {
        using var cli = new TempFolder();
        Directory.CreateDirectory(Path.Combine(cli.Path, GatewayLocation.Folder));
        cli.File(Path.Combine(GatewayLocation.Folder, GatewayLocation.Assembly), "not an assembly");

        Assert.False(GatewayLocation.TryFind(cli.Path, out _));
    }

    [Fact]
    public void The_tool_packages_layout_is_found_first()
    {
        using var cli = new TempFolder();
        Directory.CreateDirectory(Path.Combine(cli.Path, GatewayLocation.Folder));
        var dll = cli.File(Path.Combine(GatewayLocation.Folder, GatewayLocation.Assembly), "");
        cli.File(Path.Combine(GatewayLocation.Folder, "Trajeckt.Gateway.runtimeconfig.json"), "{}");
        cli.File(GatewayLocation.PathFile, "/elsewhere/Trajeckt.Gateway.dll");

        Assert.True(GatewayLocation.TryFind(cli.Path, out var found));
        Assert.Equal(dll, found);
    }
}
