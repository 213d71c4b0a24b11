namespace Trajeckt.Runtime.Tests.Support;

/// <summary>Tests that listen to or measure the process-wide audit channels run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DiagnosticsCollection
{
    public const string Name = "Diagnostics";
}
