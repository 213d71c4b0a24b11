namespace Trajeckt.Runtime.Tests.Support;

/// <summary>Tests that listen to process-wide audit channels, measure allocation, or saturate the cores run one at a time, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DiagnosticsCollection
{
    public const string Name = "Diagnostics";
}
