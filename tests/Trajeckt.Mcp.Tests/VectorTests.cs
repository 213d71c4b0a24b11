using Trajeckt.Mcp.Tests.Infrastructure;
using Trajeckt.Replay;
using Trajeckt.TestSupport;

namespace Trajeckt.Mcp.Tests;

/// <summary>
/// A conformance vector played through MCP: every call is a real tools/call from the SDK's client to a server with
/// WithTrajeckt, and each outcome is the one the vector expects of an in-process session.
/// </summary>
public sealed class VectorTests
{
    [Fact]
    public async Task ClawTrojan_cs_delay_002_through_an_MCP_server_decides_every_step_as_the_vector_expects()
    {
        var folder = VectorFolder("clawtrojan-cs_delay_002");
        TrajecktSession? session = null;
        await using var server = await McpTestServer.StartAsync(mcp => mcp.WithTools<OfficeTools>()
            .WithTrajeckt(_ => session = TestSessions.Create(File.ReadAllText(Path.Combine(folder, "policy.traj")))));
        var client = await server.ConnectAsync();
        var ran = new List<string>();

        using var trace = TraceReader.Open(Path.Combine(folder, "trace.jsonl"));
        trace.ReadOptions();
        var steps = 0;
        while (trace.Read() is { } step)
        {
            steps++;
            switch (step.Kind)
            {
                case TraceEventKind.Input:
                    session!.ObserveInput(step.Trust!.Value);
                    break;
                case TraceEventKind.Authorize:
                    // What the application records when the user approves, e.g. after an MCP elicitation.
                    Assert.Equal(step.Expect == TraceExpectation.Accepted, session!.Authorize(step.Tool!, step.Trust!.Value).IsAccepted);
                    break;
                case TraceEventKind.Call:
                    var result = step.Origin is { } origin
                        ? await client.CallAsync(step.Tool!, ("origin", origin.ToString()))
                        : await client.CallAsync(step.Tool!);
                    if (step.Expect == TraceExpectation.Allow)
                    {
                        result.AssertAllowed();
                        ran.Add(step.Tool!);
                    }
                    else
                    {
                        result.AssertRefused(step.ExpectedReason!);
                    }
                    break;
            }
        }

        Assert.Equal(13, steps);
        Assert.Equal(ran, server.Log.Ran);
    }

    // Vendored under tests/vectors/conformance, or in the upstream copy beside the repository.
    private static string VectorFolder(string name)
    {
        var vendored = Path.Combine(RepoPaths.RepoVectors, "conformance", name);
        return Directory.Exists(vendored) ? vendored : RepoPaths.AllVectors().Single(v => v.Name == name).Folder;
    }
}
