namespace Trajeckt;

/// <summary>The Traj effect <c>egress</c>: the tool opens network connections.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class NetworkEgressAttribute : Attribute
{
}
