// netstandard2.0 lacks the types that newer C# features and nullable flow analysis rely on.
// Each is marked [Embedded] so that assemblies seeing this one's internals (InternalsVisibleTo) do not
// import it and collide with the real type of their own framework (CS0433).
#pragma warning disable CS1591
namespace Microsoft.CodeAnalysis
{
    [Embedded]
    internal sealed class EmbeddedAttribute : System.Attribute { }
}

namespace System.Runtime.CompilerServices
{
    [Microsoft.CodeAnalysis.Embedded]
    internal static class IsExternalInit { }
}

namespace System.Diagnostics.CodeAnalysis
{
    [Microsoft.CodeAnalysis.Embedded]
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class NotNullWhenAttribute : Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;
        public bool ReturnValue { get; }
    }

    [Microsoft.CodeAnalysis.Embedded]
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class MaybeNullWhenAttribute : Attribute
    {
        public MaybeNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;
        public bool ReturnValue { get; }
    }

    [Microsoft.CodeAnalysis.Embedded]
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
    internal sealed class DoesNotReturnAttribute : Attribute { }
}
