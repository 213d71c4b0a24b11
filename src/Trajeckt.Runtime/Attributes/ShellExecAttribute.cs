namespace Trajeckt;

/// <summary>The Traj effect <c>shell</c>: the tool runs commands.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ShellExecAttribute : Attribute
{
}
