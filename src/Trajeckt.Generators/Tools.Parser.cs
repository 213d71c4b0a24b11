using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Model;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Generators;

/// <summary>Turns a method marked [Tool] into a <see cref="ToolSpec"/>: the C# spelling of Traj effects (docs/semantics.md, tool effects).</summary>
internal static class ToolParser
{
    public static ToolSpec Parse(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var location = method.Locations.FirstOrDefault();
        var display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

        var name = method.Name;
        var effects = ToolEffects.None;
        var labels = new List<string>();
        var origin = Trust.ToolOutput;
        foreach (var attribute in method.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case KnownTypes.ToolAttribute:
                    if (attribute.ConstructorArguments.Length == 1)
                        name = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
                    break;
                case KnownTypes.SensitiveReadAttribute:
                    var values = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                        ? attribute.ConstructorArguments[0].Values.Select(v => v.Value as string).ToList()
                        : new List<string?>();
                    if (values.Count == 0)
                        diagnostics.Add(Invalid(location, $"[SensitiveRead] on '{display}' names no label; say which data it reads, e.g. [SensitiveRead(\"customer-pii\")]"));
                    foreach (var label in values)
                    {
                        if (!IsValidName(label))
                            diagnostics.Add(Invalid(location, $"[SensitiveRead] on '{display}' has an empty or multi-line label"));
                        else if (!labels.Contains(label!))
                            labels.Add(label!);
                    }
                    break;
                case KnownTypes.SinkAttribute:
                    effects |= attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int kind && kind == 1
                        ? ToolEffects.ControlSink
                        : ToolEffects.ExternalSink;
                    break;
                case KnownTypes.OriginAttribute:
                    origin = TrustArgument(attribute, unreadable: Trust.Untrusted);
                    break;
                case KnownTypes.ShellExecAttribute:
                    effects |= ToolEffects.Shell;
                    break;
                case KnownTypes.NetworkEgressAttribute:
                    effects |= ToolEffects.Egress;
                    break;
            }
        }

        if (!IsValidName(name) || name == "_")
            diagnostics.Add(Invalid(location, $"'{name}' is not a valid tool name for '{display}': a tool name is not empty, has no line break and is not '_'"));

        // [Origin] on a parameter floors the tool (integrity is tracked per session in v1); the strictest wins.
        Trust? floor = null;
        foreach (var parameter in method.Parameters)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == KnownTypes.OriginAttribute)
                {
                    var level = TrustArgument(attribute, unreadable: Trust.TrustedUser);
                    floor = floor is { } current && current > level ? current : level;
                }
            }
        }

        if (labels.Count > 0)
            effects |= ToolEffects.Sensitive;
        labels.Sort(System.StringComparer.Ordinal);
        return new ToolSpec(name, display, ToolFunctionParser.Describe(method), effects, labels.ToEquatableArray(), origin, floor, LocationInfo.From(location), diagnostics.ToEquatableArray());
    }

    // An unreadable trust argument (e.g. [Origin((Trust)200)]) errs on the safe side, which depends on the
    // use: the least trust for a tool's output, the strictest floor for a parameter.
    private static Trust TrustArgument(AttributeData attribute, Trust unreadable) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is byte value && value <= (byte)Trust.TrustedUser
            ? (Trust)value
            : unreadable;

    private static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name!.IndexOf('\n') < 0 && name.IndexOf('\r') < 0;

    private static DiagnosticInfo Invalid(Location? location, string message) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidToolDeclaration, location, message);
}
