using System.Runtime.InteropServices;
using Trajeckt.EndToEnd.Tests.Infrastructure;
using Trajeckt.Sealing;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>A console app that adds the packed Trajeckt package from a local feed, as a new user would.</summary>
[Collection(Workbench.Collection)]
public sealed class PackageConsumerTests(Workbench bench)
{
    private ConsumerApp App => bench.PackageApp;

    [Fact]
    public void A_Debug_build_signs_with_the_development_key_and_the_app_refuses_the_exfiltration()
    {
        var build = App.Dotnet("build", "--no-restore").AssertSucceeded();
        AppOutput.AssertCleanBuild(build);

        var seal = ConsumerApp.ReadSeal(App.OutputFolder("Debug"));
        Assert.True(PublicKeyFile.TryRead(bench.Sandbox.DevelopmentPublicKey, out var developmentKey, out _), "the build did not make the development key");
        Assert.Equal(developmentKey.KeyId, seal.KeyId);
        AppOutput.AssertEnforced(App.Dotnet("run", "--no-build"), seal);
    }

    [Fact]
    public void A_generator_that_is_skipped_or_not_loaded_fails_the_build()
    {
        // CS8785 (the generator threw) and CS9057 (it needs a newer compiler) would leave every call ungated.
        var evaluation = App.Dotnet("msbuild", "-getProperty:WarningsAsErrors").AssertSucceeded();

        Assert.Contains("CS8785", evaluation.Output, StringComparison.Ordinal);
        Assert.Contains("CS9057", evaluation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_with_nothing_changed_does_not_sign_again()
    {
        App.Dotnet("build", "--no-restore").AssertSucceeded();
        var seal = Path.Combine(App.OutputFolder("Debug"), ConsumerApp.SealFileName);
        var sealedAt = File.GetLastWriteTimeUtc(seal);

        var again = App.Dotnet("build", "--no-restore").AssertSucceeded();

        Assert.DoesNotContain("signing with", again.Output);
        Assert.Equal(sealedAt, File.GetLastWriteTimeUtc(seal));
    }

    [Fact]
    public void An_operator_key_from_the_environment_signs_and_only_that_key_is_trusted()
    {
        var key = new Dictionary<string, string?> { ["TRAJECKT_SIGNING_KEY"] = bench.OperatorKey + ".key" };
        var build = App.Dotnet(key, "build", "--no-restore").AssertSucceeded();
        Assert.DoesNotContain("development key", build.Output);

        var output = App.OutputFolder("Debug");
        var seal = ConsumerApp.ReadSeal(output);
        AppOutput.AssertEnforced(App.RunDll(output, "--trust", bench.OperatorKey + ".pub"), seal);
        // Trusting only development keys, the same app refuses everything: the seal really is checked.
        AppOutput.AssertFailsClosed(App.RunDll(output), "seal_invalid");
    }

    [Fact]
    public void Publish_carries_the_seal_signed_with_the_key_property()
    {
        var published = Path.Combine(App.Folder, "published");

        var publish = App.Dotnet("publish", "--no-restore", "-c", "Release", "-o", published, $"-p:TrajecktSigningKey={bench.OperatorKey}.key");

        publish.AssertSucceeded();
        var seal = ConsumerApp.ReadSeal(published);
        Assert.Equal(seal.Digest, ConsumerApp.ReadSeal(App.OutputFolder("Release")).Digest);
        AppOutput.AssertEnforced(App.RunDll(published, "--trust", bench.OperatorKey + ".pub"), seal);
    }

    [Fact]
    public void A_single_file_publish_keeps_the_seal_beside_the_executable_and_enforces_it()
    {
        var published = Path.Combine(App.Folder, "single-file");

        App.Dotnet("publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            "-p:PublishSingleFile=true", "-o", published, $"-p:TrajecktSigningKey={bench.OperatorKey}.key").AssertSucceeded();

        // The app and its libraries are bundled into the executable; the seal is not, so it can be read and replaced.
        Assert.False(File.Exists(Path.Combine(published, ConsumerApp.Name + ".dll")), "the publish was not single-file");
        var seal = ConsumerApp.ReadSeal(published);
        AppOutput.AssertEnforced(App.RunExecutable(published, "--trust", bench.OperatorKey + ".pub"), seal);
    }

    [Fact]
    public void A_Release_build_without_a_key_fails_with_TRJ1100()
    {
        var build = App.Dotnet("build", "--no-restore", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error TRJ1100: Trajeckt: App is built in Release without a signing key", build.Output);
        Assert.Contains("Set the MSBuild property TrajecktSigningKey (or the environment variable TRAJECKT_SIGNING_KEY)", build.Output);
    }

    [Fact]
    public void A_Release_build_allowed_unsigned_warns_and_the_app_fails_closed()
    {
        var build = App.Dotnet("build", "--no-restore", "-c", "Release", "-p:TrajecktAllowUnsigned=true").AssertSucceeded();

        Assert.Contains("warning TRJ1102", build.Output);
        var output = App.OutputFolder("Release");
        Assert.False(File.Exists(Path.Combine(output, ConsumerApp.SealFileName)), "an unsigned build left a seal beside the app");
        AppOutput.AssertFailsClosed(App.RunDll(output, "--trust", bench.OperatorKey + ".pub"), "no_commitment");
    }

    [Fact]
    public void A_missing_signing_key_file_is_a_build_error_naming_it()
    {
        var missing = Path.Combine(bench.Sandbox.Root, "no-such.key");

        var build = App.Dotnet("build", "--no-restore", $"-p:TrajecktSigningKey={missing}");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"error TRJ1101: Trajeckt: the signing key {missing} (TrajecktSigningKey or TRAJECKT_SIGNING_KEY) does not exist", build.Output);
    }

    [Fact]
    public void Signing_turned_off_builds_without_a_key_or_a_seal_and_the_app_fails_closed()
    {
        // A configuration of its own, so no earlier signed build's output is in the way.
        var build = App.Dotnet("build", "--no-restore", "-c", "Unsigned", "-p:TrajecktSign=false").AssertSucceeded();

        Assert.DoesNotContain("TRJ1100", build.Output);
        var output = App.OutputFolder("Unsigned");
        Assert.False(File.Exists(Path.Combine(output, ConsumerApp.SealFileName)), "TrajecktSign=false still sealed");
        AppOutput.AssertFailsClosed(App.RunDll(output, "--trust", bench.OperatorKey + ".pub"), "no_commitment");
    }
}
