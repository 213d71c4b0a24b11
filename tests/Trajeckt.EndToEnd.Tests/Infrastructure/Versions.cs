namespace Trajeckt.EndToEnd.Tests.Infrastructure;

/// <summary>Package versions the consumer apps use, as a user would type them.</summary>
internal static class Versions
{
    /// <summary>Microsoft.Extensions.AI (AIFunctionFactory), which makes the generator gate model calls.</summary>
    public const string MicrosoftExtensionsAI = "10.11.0";

    /// <summary>Microsoft.Extensions.Hosting, on which the rollout test's existing agent runs.</summary>
    public const string MicrosoftExtensionsHosting = "10.0.0";
}
