namespace Trajeckt;

/// <summary>
/// Declares a method as an agent tool that Trajeckt gates. The source generator routes every call of
/// the method through the session's enforcement check.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ToolAttribute : Attribute
{
    /// <summary>Declares a tool named after the method.</summary>
    public ToolAttribute()
    {
    }

    /// <summary>Declares a tool with an explicit name.</summary>
    /// <param name="name">The tool's name in the trajectory commitment (ordinal, case-sensitive).</param>
    public ToolAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The tool's name, or <see langword="null"/> when the method's name is the tool's name.</summary>
    public string? Name { get; }
}
