namespace Trajeckt.SemanticKernel;

/// <summary>
/// A call the auto-invocation filter has decided and is running. The kernel runs the function-invocation filters inside
/// the auto-invocation filters, so without this mark a kernel with both filters would decide every auto-invoked call
/// twice (counting it twice against the plan and the budget). The first function-invocation filter to see the call
/// claims the mark and passes it through; any later invocation, such as a nested call the function makes, is decided.
/// </summary>
internal sealed class AutoInvokedCall
{
    private static readonly AsyncLocal<AutoInvokedCall?> s_current = new();

    private readonly string _toolName;
    private int _claimed;

    private AutoInvokedCall(string toolName) => _toolName = toolName;

    /// <summary>Marks <paramref name="toolName"/> as decided for the code that runs until the returned scope is disposed.</summary>
    public static Scope Mark(string toolName)
    {
        var previous = s_current.Value;
        s_current.Value = new AutoInvokedCall(toolName);
        return new Scope(previous);
    }

    /// <summary>Whether this invocation of <paramref name="toolName"/> is the marked call; true at most once per mark.</summary>
    public static bool TryClaim(string toolName) =>
        s_current.Value is { } call
        && string.Equals(call._toolName, toolName, StringComparison.Ordinal)
        && Interlocked.Exchange(ref call._claimed, 1) == 0;

    /// <summary>Restores the mark that was current before <see cref="Mark"/>.</summary>
    public readonly struct Scope(AutoInvokedCall? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
