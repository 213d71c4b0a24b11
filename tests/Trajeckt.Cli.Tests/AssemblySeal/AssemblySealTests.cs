using Trajeckt.Cli.Tests.Seals;
using Trajeckt.Interception;
using Trajeckt.Sealing;

namespace Trajeckt.Cli.Tests.AssemblySeal;

public sealed class AssemblySealTests
{
    [Fact]
    public void Every_graph_in_the_assembly_is_sealed_beside_it_under_the_runtime_s_file_name()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var app = EmittedAssembly.Write(cli.File("App.dll"), "Agent",
            ("Support", EmittedAssembly.Encoding("Support")), ("Billing", EmittedAssembly.Encoding("Billing")));

        Assert.Equal(0, cli.Run("seal", app, "--key", key + ".key"));

        Assert.True(PublicKeyFile.TryRead(key + ".pub", out var publicKey, out _));
        var trust = new TrustStore([publicKey]);
        foreach (var trajectory in new[] { "Support", "Billing" })
        {
            // Named after the assembly's metadata name, not the file name: that is what BeginSession uses.
            var sealPath = cli.File(SealFileNames.For("Agent", trajectory));
            Assert.True(SealFile.TryRead(sealPath, out var seal, out var error), error?.ToString());
            Assert.True(SealVerifier.Verify(EmittedAssembly.Compile(trajectory).Encoding, seal, trust).IsValid);
            Assert.Contains($"sealed {trajectory}: digest {seal.Digest}", cli.Out);
        }
    }

    [Fact]
    public void Out_dir_puts_the_seals_there()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var app = EmittedAssembly.Write(cli.File("App.dll"), "App", ("Support", EmittedAssembly.Encoding("Support")));
        var outDir = cli.File("seals");

        Assert.Equal(0, cli.Run("seal", app, "--key", key + ".key", "--out-dir", outDir));

        Assert.True(File.Exists(Path.Combine(outDir, "App.Support.trajeckt.seal")));
        Assert.False(File.Exists(cli.File("App.Support.trajeckt.seal")));
    }

    [Fact]
    public void An_assembly_without_graphs_is_not_an_error_and_writes_nothing()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var app = EmittedAssembly.Write(cli.File("Lib.dll"), "Lib");

        Assert.Equal(0, cli.Run("seal", app, "--key", key + ".key"));

        Assert.Contains("no Trajeckt graph in assembly Lib; nothing to seal", cli.Out);
        Assert.Empty(Directory.GetFiles(cli.Folder, "*.seal"));
    }

    [Fact]
    public void An_attribute_of_the_same_name_in_another_namespace_is_not_a_graph()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var lookAlike = typeof(LookAlike.TrajecktGraphAttribute).GetConstructor([typeof(string), typeof(string)])!;
        var app = EmittedAssembly.Write(cli.File("App.dll"), "App", lookAlike, ("Support", EmittedAssembly.Encoding("Support")));

        Assert.Equal(0, cli.Run("seal", app, "--key", key + ".key"));

        Assert.Contains("no Trajeckt graph in assembly App; nothing to seal", cli.Out);
        Assert.Empty(Directory.GetFiles(cli.Folder, "*.seal"));
    }

    [Fact]
    public void One_bad_graph_fails_the_assembly_and_no_seal_is_written()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var corrupt = Convert.FromBase64String(EmittedAssembly.Encoding("Billing"));
        corrupt[^1] ^= 0x01;
        var app = EmittedAssembly.Write(cli.File("App.dll"), "App",
            ("Support", EmittedAssembly.Encoding("Support")), ("Billing", Convert.ToBase64String(corrupt)));

        Assert.Equal(2, cli.Run("seal", app, "--key", key + ".key"));

        Assert.Matches(@"App\.dll: graph attribute 2 \(trajectory 'Billing'\): byte \d+: the recorded bytes are not a graph: ", cli.Err);
        Assert.Empty(Directory.GetFiles(cli.Folder, "*.seal"));
    }

    [Theory]
    [InlineData("Support", "not base64!", "the encoding is not canonical base64")]
    [InlineData("Billing", "Support", "the recorded graph is trajectory 'Support', not 'Billing'")]
    public void A_graph_attribute_that_does_not_hold_its_trajectory_is_refused(string trajectory, string encodingOf, string message)
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var encoding = encodingOf == "Support" ? EmittedAssembly.Encoding("Support") : encodingOf;
        var app = EmittedAssembly.Write(cli.File("App.dll"), "App", (trajectory, encoding));

        Assert.Equal(2, cli.Run("seal", app, "--key", key + ".key"));

        Assert.Contains($"graph attribute 1 (trajectory '{trajectory}'): {message}", cli.Err);
        Assert.Empty(Directory.GetFiles(cli.Folder, "*.seal"));
    }

    [Fact]
    public void A_trajectory_recorded_twice_is_refused()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var support = EmittedAssembly.Encoding("Support");
        var app = EmittedAssembly.Write(cli.File("App.dll"), "App", ("Support", support), ("Support", support));

        Assert.Equal(2, cli.Run("seal", app, "--key", key + ".key"));

        Assert.Contains("graph attribute 2: trajectory 'Support' is recorded twice", cli.Err);
    }

    [Fact]
    public void A_file_that_only_starts_like_an_assembly_is_refused_without_a_stack_trace()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var fake = cli.Write("Fake.dll", "MZ but nothing else");

        Assert.Equal(2, cli.Run("seal", fake, "--key", key + ".key"));

        Assert.Contains("Fake.dll: not a valid .NET assembly", cli.Err);
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--trajectory")]
    public void Options_for_a_single_graph_are_refused_with_an_assembly(string option)
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var app = EmittedAssembly.Write(cli.File("App.dll"), "App", ("Support", EmittedAssembly.Encoding("Support")));

        Assert.Equal(2, cli.Run("seal", app, "--key", key + ".key", option, "Support"));

        Assert.Contains("an assembly is sealed whole: use --out-dir", cli.Err);
        Assert.Empty(Directory.GetFiles(cli.Folder, "*.seal"));
    }

    [Fact]
    public void Out_dir_is_refused_for_a_policy()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("policy.traj", SealingCli.Policy);

        Assert.Equal(2, cli.Run("seal", policy, "--key", key + ".key", "--out-dir", cli.Folder));

        Assert.Contains("--out-dir applies only to an assembly", cli.Err);
    }

    [Fact]
    public void A_development_key_seals_the_assembly_with_a_warning()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen("dev", development: true);
        var app = EmittedAssembly.Write(cli.File("App.dll"), "App", ("Support", EmittedAssembly.Encoding("Support")));

        Assert.Equal(0, cli.Run("seal", app, "--key", key + ".key"));

        Assert.Contains("is a development key", cli.Err);
        Assert.True(SealFile.TryRead(cli.File("App.Support.trajeckt.seal"), out var seal, out _));
        Assert.True(PublicKeyFile.TryRead(key + ".pub", out var publicKey, out _));
        Assert.False(SealVerifier.Verify(EmittedAssembly.Compile("Support").Encoding, seal, new TrustStore([publicKey])).IsValid);
        Assert.True(SealVerifier.Verify(EmittedAssembly.Compile("Support").Encoding, seal, new TrustStore([publicKey], trustDevelopmentKeys: true)).IsValid);
    }
}
