namespace Trajeckt.Generators;

/// <summary>Metadata names of the runtime and framework types the generator recognises.</summary>
internal static class KnownTypes
{
    public const string ToolAttribute = "Trajeckt.ToolAttribute";
    public const string SensitiveReadAttribute = "Trajeckt.SensitiveReadAttribute";
    public const string SinkAttribute = "Trajeckt.SinkAttribute";
    public const string OriginAttribute = "Trajeckt.OriginAttribute";
    public const string ShellExecAttribute = "Trajeckt.ShellExecAttribute";
    public const string NetworkEgressAttribute = "Trajeckt.NetworkEgressAttribute";
    public const string AIFunctionFactory = "Microsoft.Extensions.AI.AIFunctionFactory";
    public const string DelegatingAIFunction = "Microsoft.Extensions.AI.DelegatingAIFunction";

    /// <summary>The namespace of the generated interceptors, which projects must list in InterceptorsNamespaces.</summary>
    public const string InterceptorsNamespace = "Trajeckt.Generated";
}
