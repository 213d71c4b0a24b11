using System.Text;

namespace Trajeckt.Interception;

/// <summary>Where the seal of a graph compiled into an assembly lives: beside the assembly, one file per trajectory.</summary>
public static class SealFileNames
{
    /// <summary>The seal's file name, e.g. <c>MyAgent.Support.trajeckt.seal</c>.</summary>
    /// <param name="assemblyName">The assembly's simple name.</param>
    /// <param name="trajectory">The trajectory's name; characters unsafe in file names become '_'.</param>
    public static string For(string assemblyName, string trajectory)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        ArgumentNullException.ThrowIfNull(trajectory);
        var safe = new StringBuilder(trajectory.Length);
        foreach (var c in trajectory)
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        return $"{assemblyName}.{safe}.trajeckt.seal";
    }
}
