using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Rollout;

/// <summary>
/// Recognises code that turns shadow mode on (docs/diagnostics/TRJ2030.md): a write to
/// <c>TrajecktOptions.Shadow</c>, and the configuration key <c>Trajeckt:Shadow</c> (or <c>Trajeckt__Shadow</c>, the
/// environment-variable spelling, optionally with a command-line prefix) given a value in code. A value counts
/// as "off" only when it is a constant <c>false</c>, <c>"false"</c> or <c>null</c>: anything computed may be on.
/// </summary>
internal static class ShadowSettings
{
    private const string Section = "Trajeckt";
    private const string Property = "Shadow";

    /// <summary>Whether <paramref name="property"/> is <c>Trajeckt.TrajecktOptions.Shadow</c>.</summary>
    public static bool IsShadowProperty(IPropertySymbol property, INamedTypeSymbol options) =>
        property.Name == Property && SymbolEqualityComparer.Default.Equals(property.ContainingType, options);

    /// <summary>Whether <paramref name="operation"/> names the Shadow option: the property, or an indexer keyed by the configuration key.</summary>
    public static string? DescribeTarget(IOperation? operation, INamedTypeSymbol options) =>
        Operations.WithoutConversions(operation) switch
        {
            IPropertyReferenceOperation { Arguments.Length: 0 } reference when IsShadowProperty(reference.Property, options) => "TrajecktOptions.Shadow is set",
            IPropertyReferenceOperation reference when FirstKeyArgument(reference.Arguments) is { } key => Described(key),
            _ => null,
        };

    /// <summary>
    /// In a list of values (arguments, tuple or array elements), a configuration key followed by a value that may
    /// be on, e.g. <c>Add("Trajeckt:Shadow", "true")</c> or <c>new[] { "--Trajeckt:Shadow", "true" }</c>.
    /// </summary>
    public static (IOperation At, string How)? FindKeyWithValue(System.Collections.Generic.IReadOnlyList<IOperation> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Operations.WithoutConversions(values[i])?.ConstantValue is not { HasValue: true, Value: string text })
                continue;
            if (IsKey(text) && i + 1 < values.Count && !IsOff(values[i + 1]))
                return (values[i], Described(text));
        }
        return null;
    }

    /// <summary>Whether a value written to the option certainly leaves shadow mode off.</summary>
    public static bool IsOff(IOperation? value) =>
        Operations.WithoutConversions(value)?.ConstantValue is { HasValue: true } constant
        && constant.Value switch
        {
            null => true,
            bool on => !on,
            string text => IsOffText(text),
            _ => false,
        };

    private static string? FirstKeyArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (Operations.WithoutConversions(argument.Value)?.ConstantValue is { HasValue: true, Value: string text } && IsKey(text))
                return text;
        }
        return null;
    }

    private static string Described(string text) => $"the configuration key '{text}' is given a value";

    private static bool IsOffText(string text) => string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    // Configuration keys are case-insensitive; ':' is the section separator and '__' its environment-variable spelling.
    private static bool IsKey(string text)
    {
        var key = text.Trim();
        if (key.StartsWith("--", StringComparison.Ordinal))
            key = key.Substring(2);
        else if (key.StartsWith("/", StringComparison.Ordinal))
            key = key.Substring(1);
        foreach (var separator in new[] { ":", "__" })
        {
            if (string.Equals(key, Section + separator + Property, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>One string that carries the key and a value that may be on, as a command line spells it: <c>"--Trajeckt:Shadow=true"</c>.</summary>
    public static string? DescribeKeyValueText(string text)
    {
        var equals = text.IndexOf('=');
        return equals > 0 && IsKey(text.Substring(0, equals)) && !IsOffText(text.Substring(equals + 1))
            ? $"the command-line setting '{text}' turns it on"
            : null;
    }
}
