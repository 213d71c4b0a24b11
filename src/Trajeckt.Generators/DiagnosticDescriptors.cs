using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators;

/// <summary>Every diagnostic the generator reports; each ID has a page under docs/diagnostics/.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Trajeckt";
    /// <summary>The help link of a diagnostic ID: its page under docs/diagnostics/ (the root is the MSBuild property TrajecktHelpLinkRoot).</summary>
    public static string HelpLink(string id) => HelpLinkRoot.Value + id + ".md";

    public static readonly DiagnosticDescriptor PolicyToolWithoutMethod = Create(
        "TRJ1001", DiagnosticSeverity.Warning,
        "Policy tool has no [Tool] method",
        "Tool '{0}' is declared in the policy but no method in this project is marked [Tool] with that name; nothing here can call it through the gate");

    public static readonly DiagnosticDescriptor UnreachableTool = Create(
        "TRJ1002", DiagnosticSeverity.Warning,
        "Tool is never reachable",
        "No plan of any trajectory allows tool '{0}', so every call of it will be refused");

    public static readonly DiagnosticDescriptor InvalidToolDeclaration = Create(
        "TRJ1003", DiagnosticSeverity.Error,
        "Invalid tool declaration",
        "{0}");

    public static readonly DiagnosticDescriptor UninterceptableCall = Create(
        "TRJ1004", DiagnosticSeverity.Error,
        "Tool call cannot be gated",
        "This call of tool '{0}' cannot be routed through the Trajeckt gate: {1}");

    public static readonly DiagnosticDescriptor InterceptorsNotEnabled = Create(
        "TRJ1005", DiagnosticSeverity.Error,
        "Interceptors are not enabled for Trajeckt",
        "Tool calls cannot be gated because the namespace 'Trajeckt.Generated' is not in InterceptorsNamespaces; add <InterceptorsNamespaces>$(InterceptorsNamespaces);Trajeckt.Generated</InterceptorsNamespaces> to the project (the Trajeckt package's build props do this)");

    public static readonly DiagnosticDescriptor DuplicateToolName = Create(
        "TRJ1006", DiagnosticSeverity.Error,
        "Duplicate tool name",
        "Tool name '{0}' is already used by {1}; every [Tool] needs its own name");

    public static readonly DiagnosticDescriptor DuplicateTrajectory = Create(
        "TRJ1007", DiagnosticSeverity.Error,
        "Duplicate trajectory",
        "Trajectory '{0}' is defined in more than one policy file");

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "TRJ1008", DiagnosticSeverity.Error,
        "The Trajeckt generator failed",
        "The Trajeckt generator failed while working on '{0}' ({1}); without it no tool call of this project can be gated, so the build fails. Please report this with the file, or change the construct it names.");

    public static readonly DiagnosticDescriptor UngateableToolMember = Create(
        "TRJ1009", DiagnosticSeverity.Error,
        "[Tool] on a member whose calls cannot be gated",
        "[Tool] on '{0}' cannot be enforced: {1}. Only an ordinary method or a classic 'this' extension method can be a tool: move the work into such a method, mark that method [Tool] and call it from here.");

    public static readonly DiagnosticDescriptor RuntimeCalledTool = Create(
        "TRJ1010", DiagnosticSeverity.Error,
        "[Tool] on a method the runtime calls",
        "'{0}' cannot be a tool: {1}, so it would run without a decision. Keep it an ordinary method and call a separate [Tool] method from it.");

    public static readonly DiagnosticDescriptor ImplicitlyCalledTool = Create(
        "TRJ1011", DiagnosticSeverity.Error,
        "[Tool] on a method the compiler calls implicitly",
        "'{0}' cannot be a tool: {1}, and a call the compiler makes for you cannot be gated. Rename the method or change its signature; the tool's name can stay the same with [Tool(\"name\")].");

    public static readonly DiagnosticDescriptor ToolReachedByNonTool = Create(
        "TRJ1012", DiagnosticSeverity.Error,
        "Tool overrides or implements a member that is not the same tool",
        "Tool '{0}' {1}: a call through that member would run the tool with no decision. To fix it, {2}.");

    public static readonly DiagnosticDescriptor UnmarkedToolOverride = Create(
        "TRJ1013", DiagnosticSeverity.Error,
        "Override or implementation of a tool is not marked as that tool",
        "'{0}'{1} tool '{2}' but is not marked as the same tool, so a call that dispatches to it would run it with no decision or under another tool's effects. Mark it [Tool(\"{2}\")] with the same effect attributes ({3}), or seal the tool so that nothing can override it.");

    public static readonly DiagnosticDescriptor MissingSigningKey = Create(
        "TRJ1100", DiagnosticSeverity.Error,
        "Build without a signing key",
        "Trajeckt: {0} is built in {1} without a signing key, so its trajectory graphs would not be sealed and every tool call would be refused at run time. Set the MSBuild property TrajecktSigningKey (or the environment variable TRAJECKT_SIGNING_KEY) to an operator private key file made with 'trajeckt keygen --out PREFIX' (PREFIX.key), or set <TrajecktAllowUnsigned>true</TrajecktAllowUnsigned> to build unsigned on purpose");

    public static readonly DiagnosticDescriptor UnsignedBuild = Create(
        "TRJ1102", DiagnosticSeverity.Warning,
        "Built unsigned on purpose",
        "Trajeckt: {0} is built unsigned (TrajecktAllowUnsigned): its graphs have no seal, so the app refuses every tool call (no_commitment) until they are sealed with 'trajeckt seal'");

    /// <summary>A diagnostic of the Traj compiler (TRJ0xxx), reported with its own code in the policy file.</summary>
    public static DiagnosticDescriptor PolicyDiagnostic(string code, bool isError) => new(
        code,
        "Trajeckt policy " + (isError ? "error" : "warning"),
        "{0}",
        Category,
        isError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(code));

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
