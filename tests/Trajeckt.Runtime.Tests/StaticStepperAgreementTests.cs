using CsCheck;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.TestSupport;
using Trajeckt.TestSupport.Reference;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Runtime.Tests;

/// <summary>
/// The analyzers' <see cref="StaticStepper"/> decides checks 5 to 7 as a real session does: exactly,
/// while no authorization may be pending; and never a refusal the session would not make, when one may.
/// </summary>
public sealed class StaticStepperAgreementTests
{
    [Fact]
    public void On_random_graphs_and_histories_the_stepper_agrees_with_the_session() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var graph = RandomGraphs.Create(random);
            var session = TrajecktSession.Create(Commitment.FromVerifiedGraph(graph, GraphEncoder.Encode(graph)));
            var state = StaticSessionState.Initial;
            for (var i = 0; i < 12; i++)
            {
                var e = RandomEvent(random, graph);
                var outcome = EngineDriver.Apply(session, e);
                switch (e)
                {
                    case InputEvent input:
                        state = state.AfterInput(input.Trust);
                        break;
                    case AuthorizeEvent when outcome.Allowed:
                        state = state.AfterPossibleAuthorization();
                        break;
                    case CallEvent call:
                        if (outcome.Code == "budget")
                            return; // check 4 is outside the stepper
                        Assert.True(graph.TryGetToolIndex(call.Tool, out var tool));
                        var step = StaticStepper.Step(graph, state, tool);
                        if (!state.AuthorizationMayBePending)
                            Assert.Equal(outcome.Code, Code(step.Refusal));
                        else if (!step.IsAllowed)
                            Assert.Equal(outcome.Code, Code(step.Refusal)); // a static refusal is always a real one
                        else
                            Assert.True(outcome.Allowed || outcome.Code == "floor", $"seed {seed}: stepper allowed, session said {outcome.Code}");
                        if (outcome.Allowed)
                            state = step.Next!;
                        break;
                }
            }
        });

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var (_, folder) in RepoPaths.AllVectors())
            data.Add(folder);
        return data;
    }

    /// <summary>
    /// Where a vector is within the stepper's reach (a committed session, no run-time label reports, no
    /// authorizations, no budget refusal: each vector up to the first of these), stepping through it
    /// gives the vector's expected decisions.
    /// </summary>
    [Theory]
    [MemberData(nameof(Vectors))]
    public void On_the_vectors_the_stepper_makes_the_expected_decisions(string folder)
    {
        var trace = File.ReadAllLines(Path.Combine(folder, "trace.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (trace[0].Contains("\"options\""))
            return; // heuristic and halting sessions are outside the stepper
        var compilation = TrajCompiler.Compile(File.ReadAllText(Path.Combine(folder, "policy.traj")), "policy.traj");
        var graph = compilation.Trajectories[0].Graph;
        var state = StaticSessionState.Initial;
        var checkedCalls = 0;
        var reachable = trace.TakeWhile(l => !l.Contains("\"labels\"") && !l.Contains("\"authorize\"") && !l.Contains("\"budget\"")).ToList();
        foreach (var line in reachable)
        {
            var json = System.Text.Json.JsonDocument.Parse(line).RootElement;
            if (json.TryGetProperty("input", out var input))
                state = state.AfterInput(Enum.Parse<Trust>(input.GetString()!));
            if (!json.TryGetProperty("call", out var call) || !graph.TryGetToolIndex(call.GetString()!, out var tool))
                continue;
            var step = StaticStepper.Step(graph, state, tool);
            if (json.TryGetProperty("expect", out var expect))
            {
                var reason = json.TryGetProperty("reason", out var r) ? r.GetString() : null;
                Assert.Equal(expect.GetString() == "allow" ? null : reason, Code(step.Refusal));
                checkedCalls++;
            }
            if (step.IsAllowed)
                state = step.Next!;
            if (step.IsAllowed && json.TryGetProperty("origin", out var origin))
                state = state.AfterInput(Enum.Parse<Trust>(origin.GetString()!)); // a reported origin only lowers integrity
        }
        var beyondReachFromTheStart = reachable.All(l => l.Contains("\"note\""));
        Assert.True(checkedCalls > 0 || beyondReachFromTheStart, "a vector with calls within reach must have expectations");
    }

    private static string? Code(StaticRefusal refusal) => refusal switch
    {
        StaticRefusal.None => null,
        StaticRefusal.Transition => "transition",
        StaticRefusal.Flow => "flow",
        StaticRefusal.Floor => "floor",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    private static ReferenceEvent RandomEvent(Random random, CompiledGraph graph)
    {
        var tool = graph.Tools[random.Next(graph.Tools.Count)].Name;
        return random.Next(6) switch
        {
            0 => new InputEvent(RandomGraphs.RandomTrust(random)),
            1 => new AuthorizeEvent(tool, RandomGraphs.RandomTrust(random)),
            _ => new CallEvent(tool),
        };
    }
}
