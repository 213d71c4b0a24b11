using System.ComponentModel;

namespace Trajeckt.Interception;

/// <summary>
/// Marks an assembly with a graph that the Trajeckt generator compiled into it, so that signing at build
/// (<c>trajeckt seal</c> on the assembly) signs exactly what the code enforces.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class TrajecktGraphAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="trajectory">The trajectory's name.</param>
    /// <param name="encoding">The canonical graph encoding, base64.</param>
    public TrajecktGraphAttribute(string trajectory, string encoding)
    {
        Trajectory = trajectory;
        Encoding = encoding;
    }

    /// <summary>The trajectory's name.</summary>
    public string Trajectory { get; }

    /// <summary>The canonical graph encoding, base64.</summary>
    public string Encoding { get; }
}
