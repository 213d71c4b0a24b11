namespace Trajeckt.Traj.Graph;

/// <summary>Constants of the CompiledGraph encoding shared by the encoder and decoder (docs/graph-format.md).</summary>
internal static class GraphFormat
{
    /// <summary>The first four bytes: ASCII <c>TRJG</c>.</summary>
    public static readonly byte[] Magic = { (byte)'T', (byte)'R', (byte)'J', (byte)'G' };

    /// <summary>The version of a graph without pins; its layout is unchanged since the first release.</summary>
    public const int Version = 1;

    /// <summary>The version of a graph with pins: version 1's layout followed by the pin section.</summary>
    public const int PinnedVersion = 2;

    /// <summary>Every effect bit version 1 defines.</summary>
    public const ToolEffects KnownEffects =
        ToolEffects.Sensitive | ToolEffects.ExternalSink | ToolEffects.ControlSink | ToolEffects.Shell | ToolEffects.Egress;

    /// <summary>The highest trust value (<see cref="Trust.TrustedUser"/>).</summary>
    public const byte MaxTrust = (byte)Trust.TrustedUser;

    /// <summary>The floor byte of a tool without a floor; a floor F is stored as F + 1.</summary>
    public const byte NoFloor = 0;
}
