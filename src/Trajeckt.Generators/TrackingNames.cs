namespace Trajeckt.Generators;

/// <summary>Names of the generator's pipeline steps, so tests can assert that they stay cached.</summary>
internal static class TrackingNames
{
    public const string Tools = nameof(Tools);
    public const string Policies = nameof(Policies);
    public const string Graphs = nameof(Graphs);
    public const string ToolCatalogue = nameof(ToolCatalogue);
    public const string InterceptorFiles = nameof(InterceptorFiles);
    public const string InterceptorsEnabled = nameof(InterceptorsEnabled);
    public const string HasAIFunctions = nameof(HasAIFunctions);
    public const string AIFunctions = nameof(AIFunctions);
    public const string Signing = nameof(Signing);
}
