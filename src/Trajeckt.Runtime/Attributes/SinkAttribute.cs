namespace Trajeckt;

/// <summary>The Traj effect <c>sink(external)</c> or <c>sink(control)</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class SinkAttribute : Attribute
{
    /// <summary>Declares the tool a sink of the given kind.</summary>
    /// <param name="kind">The kind of sink.</param>
    public SinkAttribute(SinkKind kind)
    {
        Kind = kind;
    }

    /// <summary>The kind of sink.</summary>
    public SinkKind Kind { get; }
}
