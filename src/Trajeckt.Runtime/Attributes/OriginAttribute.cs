namespace Trajeckt;

/// <summary>
/// On a tool method, the Traj effect <c>origin(T)</c>: the trust of the tool's output. On a parameter,
/// <c>floor T for</c> the tool: the least session integrity at which the tool may run unauthorized
/// (integrity is tracked per session in v1, so the floor applies to the tool as a whole).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class OriginAttribute : Attribute
{
    /// <summary>Declares an output origin (on a method) or a floor (on a parameter).</summary>
    /// <param name="trust">The trust level.</param>
    public OriginAttribute(Trust trust)
    {
        Trust = trust;
    }

    /// <summary>The trust level.</summary>
    public Trust Trust { get; }
}
