using System.Text.Json;
using Trajeckt.Gateway.Tests.Upstream;
using Trajeckt.Sealing;
using Trajeckt.TestSupport;
using Trajeckt.Traj;

namespace Trajeckt.Gateway.Tests;

/// <summary>
/// ClawTrojan cs_delay_002 through the gateway, under the vector's own policy sealed by an operator key
/// that the gateway trusts. Every call event of the trace goes through a stock client; an event's
/// <c>origin</c> is what the upstream reports about the content it returned.
/// </summary>
public sealed class ClawTrojanTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(RepoPaths.ConformanceVectors, "clawtrojan-cs_delay_002");
    private readonly string _work = Directory.CreateTempSubdirectory("trajeckt-gateway-").FullName;
    private UpstreamServer? _upstream;
    private GatewayServer? _gateway;

    public async Task InitializeAsync()
    {
        var policy = Path.Combine(_work, "policy.traj");
        var text = File.ReadAllText(Path.Combine(_folder, "policy.traj"));
        using var key = OperatorKeyPair.Generate();
        _upstream = await UpstreamServer.StartAsync<OfficeTools>();
        string[] settings = ["--Gateway:Commitment=Operator", $"--Gateway:Policy={policy}", $"--Trajeckt:TrustedKeys:0={key.PublicKey}"];

        // The operator's flow: the vector's policy pins nothing, so the gateway prints the pin lines to review;
        // the declared tools' lines go into the policy, which is sealed again.
        Seal(policy, text, key);
        var unpinned = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayServer.StartAsync(_upstream.Url, settings));
        var declared = TrajCompiler.Compile(text, policy).Trajectories.Single().Graph.Tools.Select(t => t.Name).ToHashSet();
        var pins = unpinned.Problems.SelectMany(p => p.Split('\n')).Select(l => l.Trim())
            .Where(l => l.StartsWith("pin ", StringComparison.Ordinal) && declared.Contains(l.Split(' ')[1]));
        var closing = text.LastIndexOf('}');
        Seal(policy, text[..closing] + string.Concat(pins.Select(l => "  " + l + "\n")) + text[closing..], key);

        _gateway = await GatewayServer.StartAsync(_upstream.Url, settings);
    }

    private static void Seal(string path, string policy, OperatorKeyPair key)
    {
        File.WriteAllText(path, policy);
        var compiled = TrajCompiler.Compile(policy, path).Trajectories.Single();
        SealFile.Write(path + ".seal", Sealer.Sign(compiled.Encoding, key));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (_upstream is not null)
            await _upstream.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task The_trace_decides_through_the_gateway_as_the_vector_expects()
    {
        await using var agent = await _gateway!.ConnectAgentAsync();
        var checkedCalls = 0;
        foreach (var line in File.ReadLines(Path.Combine(_folder, "trace.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            // The gateway has no channel for a trusted user's authorization yet: the trace is run up to it.
            if (e.TryGetProperty("authorize", out _))
                break;
            if (!e.TryGetProperty("call", out var call))
                continue;
            var arguments = e.TryGetProperty("origin", out var origin) ? new[] { ("origin", (object?)origin.GetString()) } : Array.Empty<(string, object?)>();
            var result = await agent.CallAsync(call.GetString()!, arguments);
            var expect = e.GetProperty("expect").GetString();
            if (expect == "allow")
            {
                Assert.NotEqual(true, result.IsError);
            }
            else
            {
                Assert.True(result.IsError, $"{call} should be refused");
                Assert.StartsWith($"Refused by the Trajeckt policy: {e.GetProperty("reason").GetString()}: ", result.Text());
            }
            checkedCalls++;
        }
        Assert.Equal(10, checkedCalls);
    }

    [Fact]
    public async Task The_commitment_endpoint_names_the_operator_policy()
    {
        var text = await _gateway!.Http.GetStringAsync("trajeckt/commitment");
        Assert.Contains("operator policy", text);
        Assert.Contains("trajectory OfficeAutomation", text);
        Assert.Matches(@"memory_write\s+sink\(control\), floor External, authorized by TrustedUser", text);
    }
}
