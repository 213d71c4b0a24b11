// netstandard2.0 lacks the attributes that nullable flow analysis and newer C# features rely on.
#pragma warning disable CS1591
namespace System.Diagnostics.CodeAnalysis
{
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class NotNullWhenAttribute : Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;
        public bool ReturnValue { get; }
    }
}

namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
