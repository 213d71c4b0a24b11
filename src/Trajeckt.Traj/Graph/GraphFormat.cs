namespace Trajeckt.Traj.Graph;

/// <summary>Constants of the CompiledGraph encoding shared by the encoder and decoder (docs/graph-format.md).</summary>
internal static class GraphFormat
{
    /// <summary>The first four bytes: ASCII <c>TRJG</c>.</summary>
    public static readonly byte[] Magic = { (byte)'T', (byte)'R', (byte)'J', (byte)'G' };

    /// <summary>The format version this library writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Every effect bit version 1 defines.</summary>
    public const ToolEffects KnownEffects =
        ToolEffects.Sensitive | ToolEffects.ExternalSink | ToolEffects.ControlSink | ToolEffects.Shell | ToolEffects.Egress;

    /// <summary>The highest trust value (<see cref="Trust.TrustedUser"/>).</summary>
    public const byte MaxTrust = (byte)Trust.TrustedUser;

    /// <summary>The floor byte of a tool without a floor; a floor F is stored as F + 1.</summary>
    public const byte NoFloor = 0;
}
