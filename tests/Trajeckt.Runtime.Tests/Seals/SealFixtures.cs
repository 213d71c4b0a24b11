using NSec.Cryptography;
using Trajeckt.Sealing;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Runtime.Tests.Seals;

/// <summary>Graphs, keys and seals for the sealing tests, built directly so they depend on no compiler pass.</summary>
internal static class SealFixtures
{
    /// <summary>
    /// A canonical graph of <paramref name="toolCount"/> tools under the plan <c>_*</c>: one accepting
    /// state looping on every tool. Tool 0 reads a label that may flow to the last tool, an external sink.
    /// </summary>
    public static CompiledGraph Graph(int toolCount, string name = "Support")
    {
        var tools = new GraphTool[toolCount];
        for (var i = 0; i < toolCount; i++)
        {
            var effects = i == 0 ? ToolEffects.Sensitive : i == toolCount - 1 ? ToolEffects.ExternalSink : ToolEffects.None;
            tools[i] = new GraphTool($"tool{i:D4}", effects, i == 0 ? [0] : [], Trust.ToolOutput, null, Trust.TrustedUser);
        }
        var transitionTools = Enumerable.Range(0, toolCount).ToArray();
        return new CompiledGraph(
            name,
            tools,
            ["pii"],
            [[toolCount - 1]],
            budget: 20,
            accepting: [true],
            transitionStart: [0, toolCount],
            transitionTool: transitionTools,
            transitionTarget: new int[toolCount]);
    }

    public static byte[] Encoding(int toolCount = 3) => GraphEncoder.Encode(Graph(toolCount));

    /// <summary>A seal made without the sealer's own checks, to seal bytes the sealer would refuse.</summary>
    public static Seal SealAnyBytes(byte[] bytes, OperatorKeyPair key)
    {
        var digest = GraphDigest.Compute(bytes);
        return new Seal(digest, key.KeyId, SignatureAlgorithm.Ed25519.Sign(key.PrivateKey, SealMessage.For(digest)));
    }

    public static TrustStore Trusting(params OperatorKeyPair[] keys) => new(keys.Select(k => k.PublicKey));

    public static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
