using System.Reflection;
using System.Reflection.Emit;
using Trajeckt.Interception;
using Trajeckt.Traj;

namespace Trajeckt.Cli.Tests.AssemblySeal;

/// <summary>
/// Writes a small assembly carrying the graph attributes a generated build would, without compiling C#:
/// the CLI must read them from metadata as they would be in a real app.
/// </summary>
internal static class EmittedAssembly
{
    private static readonly ConstructorInfo s_graphAttribute =
        typeof(TrajecktGraphAttribute).GetConstructor([typeof(string), typeof(string)])!;

    /// <summary>The base64 encoding of the named trajectory of <see cref="Seals.SealingCli.Policy"/>.</summary>
    public static string Encoding(string trajectory) =>
        Convert.ToBase64String(Compile(trajectory).Encoding);

    public static CompiledTrajectory Compile(string trajectory)
    {
        Assert.True(TrajCompiler.Compile(Seals.SealingCli.Policy, "policy.traj").TryGetTrajectory(trajectory, out var compiled));
        return compiled!;
    }

    /// <summary>Saves assembly <paramref name="name"/> with one graph attribute per (trajectory, base64) pair.</summary>
    public static string Write(string path, string name, params (string Trajectory, string Encoding)[] graphs) =>
        Write(path, name, s_graphAttribute, graphs);

    /// <summary>Saves assembly <paramref name="name"/> with one <paramref name="attribute"/> per (trajectory, base64) pair.</summary>
    public static string Write(string path, string name, ConstructorInfo attribute, params (string Trajectory, string Encoding)[] graphs)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        assembly.DefineDynamicModule(name);
        foreach (var (trajectory, encoding) in graphs)
            assembly.SetCustomAttribute(new CustomAttributeBuilder(attribute, [trajectory, encoding]));
        // Another attribute too, so that the reader is seen to pick only the graph attributes.
        assembly.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(AssemblyDescriptionAttribute).GetConstructor([typeof(string)])!, ["not a graph"]));
        assembly.Save(path);
        return path;
    }
}
