using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Trajeckt.Benchmarks.Runtime;
using Trajeckt.Extensions.AI;

namespace Trajeckt.Benchmarks.Frameworks;

/// <summary>
/// What Trajeckt adds to a function call that a model asks for, against the same call ungated in the same run:
/// a <see cref="TrajecktAIFunction"/> invoked directly, and the gate that <c>UseTrajeckt</c> installs in
/// FunctionInvokingChatClient, each deciding an allowed call and recording its completion.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FunctionGateBenchmarks
{
    // A tool with no effect: the plan '_*' allows it at every step, so every call is allowed.
    private static readonly string s_tool = BenchmarkGraphs.Name(BenchmarkGraphs.ControlSink + 1);

    private AIFunction _plain = null!;
    private AIFunction _gated = null!;
    private FunctionGate _gate = null!;
    private AIFunctionArguments _arguments = null!;
    private FunctionInvocationContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var session = TrajecktSession.Create(Commitment.FromVerifiedGraph(BenchmarkGraphs.Create(10), [0]));
        _plain = AIFunctionFactory.Create(static (int x) => x + 1, s_tool);
        _gated = new TrajecktAIFunction(_plain, s_tool, session);
        _gate = new FunctionGate(new TrajecktFunctionGateOptions { Session = session }, next: null);
        _arguments = new AIFunctionArguments { ["x"] = 41 };
        _context = new FunctionInvocationContext { Function = _plain, Arguments = _arguments };
    }

    [Benchmark(Baseline = true)]
    public ValueTask<object?> Ungated() => _plain.InvokeAsync(_arguments);

    [Benchmark]
    public ValueTask<object?> TrajecktAIFunction() => _gated.InvokeAsync(_arguments);

    [Benchmark]
    public ValueTask<object?> UseTrajecktGate() => _gate.InvokeAsync(_context, CancellationToken.None);
}
