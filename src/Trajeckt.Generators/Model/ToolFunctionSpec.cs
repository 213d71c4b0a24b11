namespace Trajeckt.Generators.Model;

/// <summary>
/// How the generated <c>CreateAIFunctions</c> makes a [Tool] method into a function: the delegate that binds it,
/// or why it cannot (then <see cref="Unavailable"/> says so and the other members are empty).
/// </summary>
/// <param name="ContainingType">The method's type, fully qualified (the parameter type that supplies an instance).</param>
/// <param name="TargetName">The name of the parameter that supplies an instance of the type.</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="IsStatic">Whether the method is static (no instance is needed).</param>
/// <param name="DelegateType">The Func or Action type that binds the method whatever its overloads.</param>
/// <param name="Unavailable">Why no function can be made of the method; <see langword="null"/> when one can.</param>
internal sealed record ToolFunctionSpec(
    string ContainingType,
    string TargetName,
    string MethodName,
    bool IsStatic,
    string DelegateType,
    string? Unavailable)
{
    public static ToolFunctionSpec None(string reason) => new(string.Empty, string.Empty, string.Empty, false, string.Empty, reason);
}
