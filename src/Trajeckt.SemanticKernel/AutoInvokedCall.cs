using Microsoft.SemanticKernel;

namespace Trajeckt.SemanticKernel;

/// <summary>
/// A call the auto-invocation filter has decided and is running. The kernel runs the function-invocation filters inside
/// the auto-invocation filters, so without this mark a kernel with both filters would decide every auto-invoked call
/// twice (counting it twice against the plan and the budget). The first function-invocation filter to see that same
/// function on that same kernel claims the mark and passes the call through; any other invocation, such as a call the
/// function makes to another kernel function or to the same one on another kernel, is decided.
/// </summary>
internal sealed class AutoInvokedCall
{
    private static readonly AsyncLocal<AutoInvokedCall?> s_current = new();

    private readonly Kernel _kernel;
    private readonly KernelFunction _function;
    private int _claimed;

    private AutoInvokedCall(Kernel kernel, KernelFunction function)
    {
        _kernel = kernel;
        _function = function;
    }

    /// <summary>Marks the invocation of <paramref name="function"/> on <paramref name="kernel"/> as decided for the code that runs until the returned scope is disposed.</summary>
    public static Scope Mark(Kernel kernel, KernelFunction function)
    {
        var previous = s_current.Value;
        s_current.Value = new AutoInvokedCall(kernel, function);
        return new Scope(previous);
    }

    /// <summary>Whether this invocation is the marked call; true at most once per mark.</summary>
    public static bool TryClaim(Kernel kernel, KernelFunction function) =>
        s_current.Value is { } call
        && ReferenceEquals(call._kernel, kernel)
        && ReferenceEquals(call._function, function)
        && Interlocked.Exchange(ref call._claimed, 1) == 0;

    /// <summary>Restores the mark that was current before <see cref="Mark"/>.</summary>
    public readonly struct Scope(AutoInvokedCall? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
