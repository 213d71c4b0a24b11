namespace Trajeckt.Extensions.AI;

/// <summary>
/// What a tool learns about its output while it runs (it fetched a page from the web, it found personal data),
/// reported from inside a function that the Trajeckt gate invokes. The gate records it in the session when the
/// function returns (also when it throws): a reported origin can only lower the session's integrity, and
/// reported labels join its taint.
/// </summary>
public static class TrajecktToolOutput
{
    private static readonly AsyncLocal<ToolOutputReport?> s_current = new();

    /// <summary>Whether the code runs inside a function invocation that the gate records reports for.</summary>
    public static bool IsReporting => s_current.Value is not null;

    /// <summary>Reports the trust of the output; the lowest reported origin of the call is recorded.</summary>
    /// <param name="origin">Where the output came from.</param>
    /// <exception cref="InvalidOperationException">No gated invocation is in progress, so the report would be lost.</exception>
    public static void ReportOrigin(Trust origin) => CurrentReport().LowerOrigin(origin);

    /// <summary>Reports confidentiality labels the output carries beyond the tool's declared ones.</summary>
    /// <param name="labels">The labels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No gated invocation is in progress, so the report would be lost.</exception>
    public static void ReportLabels(params IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CurrentReport().AddLabels(labels);
    }

    internal static ToolOutputReport Begin()
    {
        var report = new ToolOutputReport();
        s_current.Value = report;
        return report;
    }

    internal static void End() => s_current.Value = null;

    // A report nobody records would silently drop taint: refuse it loudly instead.
    private static ToolOutputReport CurrentReport() =>
        s_current.Value ?? throw new InvalidOperationException(
            "Tool output can be reported only from a function that the Trajeckt gate invokes (UseTrajeckt); outside one the report would be lost.");
}
