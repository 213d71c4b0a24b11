using Trajeckt;

namespace ConsumerApp;

// A staging switch left in the code: in a Release build it would run every refused call in production.
internal static class ShadowInCode
{
    public static TrajecktOptions Options() => new() { Shadow = true };
}
