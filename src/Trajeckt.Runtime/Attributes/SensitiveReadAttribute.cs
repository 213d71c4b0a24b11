namespace Trajeckt;

/// <summary>
/// The Traj effect <c>sensitive(l1, l2, ...)</c>: the tool's output carries these confidentiality labels,
/// which join the session's taint and may reach only the sinks their flows list.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SensitiveReadAttribute : Attribute
{
    /// <summary>Declares the labels the tool's output carries.</summary>
    /// <param name="labels">The confidentiality labels.</param>
    public SensitiveReadAttribute(params string[] labels)
    {
        Labels = labels;
    }

    /// <summary>The confidentiality labels the tool's output carries.</summary>
    public IReadOnlyList<string> Labels { get; }
}
