namespace Trajeckt.Generators.Model;

/// <summary>How the intercepted method is called.</summary>
internal enum CallShape
{
    Static,
    Instance,
    Extension,
}

/// <summary>What the intercepted method returns, which decides when its output is recorded.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>A parameter of an interceptor: modifier ("ref ", "out ", "in ", "params "), fully-qualified type, name.</summary>
internal sealed record ParameterSpec(string Modifier, string Type, string Name);

/// <summary>A tool method as its interceptor must spell it (the constructed method at the call site), with the tool's effects (its identity).</summary>
internal sealed record InterceptedMethod(
    string ToolName,
    string Effects,
    CallShape Shape,
    string ContainingType,
    string MethodName,
    string TypeArguments,
    string ReturnType,
    ReturnShape ReturnShape,
    string ReceiverModifier,
    string ReceiverType,
    EquatableArray<ParameterSpec> Parameters);

/// <summary>One call site to intercept: the method and the opaque interceptable location.</summary>
internal sealed record InterceptedCall(InterceptedMethod Method, int LocationVersion, string LocationData, string Site);

/// <summary>An <c>AIFunctionFactory.Create(toolMethod, ...)</c> call to replace by a gated AIFunction.</summary>
internal sealed record GatedRegistration(
    string ToolName,
    string Effects,
    string ReturnType,
    EquatableArray<ParameterSpec> Parameters,
    int LocationVersion,
    string LocationData,
    string Site);

/// <summary>Everything to intercept in one source file, emitted as one generated file.</summary>
internal sealed record InterceptorFileSpec(
    string HintName,
    EquatableArray<InterceptedCall> Calls,
    EquatableArray<GatedRegistration> Registrations,
    EquatableArray<DiagnosticInfo> Diagnostics);
