using Microsoft.CodeAnalysis;

namespace Trajeckt.Analyzers;

/// <summary>Every diagnostic the analyzers report; each ID has a page under docs/diagnostics/.</summary>
internal static class Descriptors
{
    private const string Category = "Trajeckt";
    /// <summary>The help link of a diagnostic ID: its page under docs/diagnostics/ (the root is the MSBuild property TrajecktHelpLinkRoot).</summary>
    public static string HelpLink(string id) => HelpLinkRoot.Value + id + ".md";

    public static readonly DiagnosticDescriptor ToolAsDelegate = Create(
        "TRJ2001", DiagnosticSeverity.Error,
        "Tool converted to a delegate",
        "Tool '{0}' is converted to a delegate here, and calls through a delegate bypass the Trajeckt gate; call the tool directly (a lambda such as '() => {1}(...)' is gated), or register it with AIFunctionFactory.Create({1})");

    public static readonly DiagnosticDescriptor ToolByReflection = Create(
        "TRJ2002", DiagnosticSeverity.Error,
        "Tool invoked by reflection",
        "Tool '{0}' is reached by {1}, which bypasses the Trajeckt gate; call the tool directly, or register it with AIFunctionFactory.Create({2})");

    public static readonly DiagnosticDescriptor UngatedRegistration = Create(
        "TRJ2003", DiagnosticSeverity.Error,
        "Tool registered through an ungated path",
        "{0} registers tool '{1}' with an agent framework, and Trajeckt does not gate calls made through it; create the function with AIFunctionFactory.Create({2}), which is gated, and register that AIFunction instead{3}");

    public static readonly DiagnosticDescriptor LambdaRegistration = Create(
        "TRJ2004", DiagnosticSeverity.Warning,
        "Tool registered through a lambda",
        "This AIFunction wraps tool '{0}' in a {1}, so it is not the gated registration of the tool; pass the method group: AIFunctionFactory.Create({2})");

    public static readonly DiagnosticDescriptor ToolWithoutEffects = Create(
        "TRJ2005", DiagnosticSeverity.Warning,
        "Tool declares no effect",
        "Tool '{0}' has no effect attribute and no .traj 'tool' line, so it gets the default effects (no labels, no sink, origin ToolOutput); declare what it does, e.g. [SensitiveRead(\"label\")], [Sink(SinkKind.External)], or [Origin(Trust.ToolOutput)] to keep the defaults on purpose");

    public static readonly DiagnosticDescriptor EffectOnNonTool = Create(
        "TRJ2006", DiagnosticSeverity.Warning,
        "Effect attribute on a method that is not a tool",
        "[{0}] on '{1}' has no effect because '{1}' is not a [Tool]; mark the method [Tool] or remove the attribute");

    public static readonly DiagnosticDescriptor ConflictingToolDeclaration = Create(
        "TRJ2007", DiagnosticSeverity.Error,
        "Override or implementation of a tool declares it differently",
        "'{0}' overrides or implements tool '{1}' but declares {2} of its own; calls are gated under one declaration or the other depending on the receiver's static type, so declare the tool once, on '{3}'");

    public static readonly DiagnosticDescriptor RefusedOnEveryPath = Create(
        "TRJ2008", DiagnosticSeverity.Error,
        "Tool call is refused on every path",
        "The commitment refuses this call on every path that reaches it: {0}; reorder the calls, change the policy, or authorize the call first");

    public static readonly DiagnosticDescriptor RefusedOnSomePath = Create(
        "TRJ2009", DiagnosticSeverity.Warning,
        "Tool call is refused on some path",
        "The commitment refuses this call on a path that reaches it: {0}; reorder the calls, change the policy, or authorize the call first");

    // Reported at compilation end too: explicit calls are decided once every gate has been read.
    public static readonly DiagnosticDescriptor UngatedToolCall = Create(
        "TRJ2010", DiagnosticSeverity.Error,
        "Tool call is not gated by Trajeckt",
        "This {0} of tool '{1}' does not go through Trajeckt's gate: {2}",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor ImplicitToolCall = Create(
        "TRJ2011", DiagnosticSeverity.Error,
        "Tool called implicitly by a language construct",
        "{0} calls tool '{1}' ('{2}') implicitly, and a call the compiler makes for you cannot be gated; call the tool explicitly as a method, or give this construct a member that is not a tool");

    public static readonly DiagnosticDescriptor MediationNotChecked = Create(
        "TRJ2012", DiagnosticSeverity.Error,
        "Complete-mediation check failed here",
        "The complete-mediation check could not analyze this code ({0}), so it cannot show that no tool runs ungated here; simplify the construct or report the problem");

    public static readonly DiagnosticDescriptor ReflectionOnToolType = Create(
        "TRJ2013", DiagnosticSeverity.Error,
        "Reflection or unsafe access reaches a tool-declaring type",
        "{0} reaches the members of '{1}', which declares tool '{2}', and a tool run this way bypasses the Trajeckt gate; call the tool directly, or register it with AIFunctionFactory.Create({3})");

    public static readonly DiagnosticDescriptor UnresolvedReflection = Create(
        "TRJ2014", DiagnosticSeverity.Warning,
        "Reflection that cannot be resolved statically",
        "{0} reaches members of a type known only at run time, which may declare a tool that would then run without the Trajeckt gate; use a static type, or suppress this warning where the type is known never to declare a tool");

    // Not configurable: pragmas and .editorconfig severities leave it as it is (and the package's targets take it out of
    // NoWarn, which the command-line compiler still applies); only the named MSBuild property
    // TrajecktAllowShadowInRelease, or a [SuppressMessage] naming TRJ2030 at one member, turns it off (docs/diagnostics/TRJ2030.md).
    public static readonly DiagnosticDescriptor ShadowInRelease = Create(
        "TRJ2030", DiagnosticSeverity.Warning,
        "Shadow mode turned on in code in a Release build",
        "Shadow mode is turned on in code in a Release build ({1}): {0}, so calls the policy refuses will run and only be logged; turn shadow on from configuration outside the code (appsettings, environment) for the deployments that need it, or set <TrajecktAllowShadowInRelease>true</TrajecktAllowShadowInRelease> in the project to keep it on purpose",
        WellKnownDiagnosticTags.NotConfigurable);

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message, params string[] customTags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id), customTags: customTags);
}
