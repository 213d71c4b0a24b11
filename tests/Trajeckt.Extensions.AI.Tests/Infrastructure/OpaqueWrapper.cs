using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI.Tests.Infrastructure;

/// <summary>A wrapper the gate knows nothing about: it cannot pass over it to what it wraps.</summary>
internal sealed class OpaqueWrapper(AIFunction inner) : DelegatingAIFunction(inner);
