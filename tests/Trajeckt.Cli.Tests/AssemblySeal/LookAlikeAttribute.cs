namespace Trajeckt.Cli.Tests.AssemblySeal.LookAlike;

/// <summary>Named like the graph attribute, in another namespace: sealing must not take it for one.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class TrajecktGraphAttribute(string trajectory, string encoding) : Attribute
{
    public string Trajectory { get; } = trajectory;

    public string Encoding { get; } = encoding;
}
