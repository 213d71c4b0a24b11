using System.Runtime.CompilerServices;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Tests.Semantics;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>Pinned tool definitions: format version 2, and version 1 left exactly as it was.</summary>
public class GraphPinTests
{
    private const string Hash0 = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    private const string HashA = "sha256:5d41402abc4b2a76b9719d911017c592ae9f5dd4f2c8b1a2c0e0e7a2b2c7e1f0";
    private const string HashB = "sha256:5d41402abc4b2a76b9719d911017c592ae9f5dd4f2c8b1a2c0e0e7a2b2c7e1f1";

    private const string Policy = """
        trajectory S {
          tool read : sensitive(p);
          tool send : sink(external);
          plan read send?;
        }
        """;

    // Digests of the conformance vectors' policies, taken with the compiler as it was before pins existed
    // (trajeckt inspect). A graph without pins must keep its bytes, its digest and so every seal made of it.
    [Theory]
    [InlineData("clawtrojan-cs_delay_002", "6c4c3febb600e8f9ded0c4d14a31a3c0aecce69871e361184f15cebadcc34890")]
    [InlineData("exfiltration-smoke", "5d7b19785368d899b9637958870a486df3b9126225fb3aa0d68851875bd1a7cb")]
    [InlineData("floors-and-authorization", "6cb1809a7c0156c492ce96256d8178302508d9080961eb3cba37c6b84b0a090d")]
    [InlineData("heuristic-shell-egress", "471aa11180e2ec88ae4ac6c60939dab6c8a5ac4298b7012809e1dca186ac68c3")]
    [InlineData("plan-order", "17400dfa04d5a9e9f103de52d850d7ff292ef002933cb4ea212111a942f34d76")]
    public void Graphs_without_pins_keep_their_digests(string vector, string digest)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "vectors", "conformance", vector, "policy.traj");
        var compiled = CompileHelpers.Single(File.ReadAllText(path));
        Assert.Empty(compiled.Graph.Pins);
        Assert.Equal(1, compiled.Encoding[4]);
        Assert.Equal(digest, GraphDigest.Compute(compiled.Encoding).ToString());
    }

    [Fact]
    public void A_pinned_graph_is_version_2_and_its_digest_covers_the_pins()
    {
        var plain = CompileHelpers.Single(Policy);
        var pinned = CompileHelpers.Single(Policy.Replace("plan read send?;", $"plan read send?;\n  pin send \"{HashA}\";"));
        var repinned = CompileHelpers.Single(Policy.Replace("plan read send?;", $"plan read send?;\n  pin send \"{HashB}\";"));

        Assert.Equal(2, pinned.Encoding[4]);
        // Version 2 is version 1's layout plus the pin section: tool 1 ("send"), then its 32 bytes.
        Assert.Equal(plain.Encoding.AsSpan(5).ToArray(), pinned.Encoding.AsSpan(5, plain.Encoding.Length - 5).ToArray());
        var section = pinned.Encoding.AsSpan(plain.Encoding.Length).ToArray();
        Assert.Equal(new byte[] { 1, 1 }.Concat(Convert.FromHexString(HashA[7..])).ToArray(), section);

        var digests = new[] { plain, pinned, repinned }.Select(c => GraphDigest.Compute(c.Encoding)).ToArray();
        Assert.Equal(3, digests.Distinct().Count());

        var pin = Assert.Single(pinned.Graph.Pins);
        Assert.Equal(("send", 1, HashA), (pin.ToolName, pin.ToolIndex, pin.ToString()));
        Assert.True(pinned.Graph.TryGetPin("send", out var found) && found.Matches(Convert.FromHexString(HashA[7..])));
        Assert.False(found!.Matches(Convert.FromHexString(HashB[7..])));
        Assert.False(pinned.Graph.TryGetPin("read", out _));
        Assert.False(pinned.Graph.TryGetPin("nope", out _));

        using var listing = new StringWriter();
        GraphListing.Write(pinned.Graph, GraphDigest.Compute(pinned.Encoding), listing);
        Assert.Contains($"pinned definitions (1):\n  send  {HashA}\n", listing.ToString().Replace("\r\n", "\n"));

        var decoded = GraphDecoder.Decode(pinned.Encoding);
        GraphAssert.Equal(pinned.Graph, decoded);
        Assert.Equal(pinned.Encoding, GraphEncoder.Encode(decoded));
    }

    [Fact]
    public void The_documented_version_2_example_is_the_version_1_example_plus_its_pin()
    {
        const string example = GraphEncodingTests.DocsExample;
        var plain = CompileHelpers.Single(example).Encoding;
        var pinned = CompileHelpers.Single(example.Replace("budget calls 300;", $"budget calls 300;\n  pin b \"{HashA}\";")).Encoding;
        Assert.Equal(42, plain.Length);
        Assert.Equal(76, pinned.Length);
        var expected = plain.ToArray();
        expected[4] = 2;
        Assert.Equal(expected.Concat(new byte[] { 1, 1 }).Concat(Convert.FromHexString(HashA[7..])), pinned);
    }

    [Fact]
    public void Pin_order_in_the_policy_does_not_change_the_graph()
    {
        var one = CompileHelpers.Single(Policy.Replace("plan read send?;", $"pin send \"{HashA}\"; pin read \"{Hash0}\"; plan read send?;"));
        var two = CompileHelpers.Single(Policy.Replace("plan read send?;", $"plan read send?; pin read \"{Hash0}\"; pin \"send\" \"{HashA}\";"));
        Assert.Equal(one.Encoding, two.Encoding);
        Assert.Equal(new[] { 0, 1 }, one.Graph.Pins.Select(p => p.ToolIndex));
    }

    [Theory]
    [InlineData("pin send \"sha256:5D41402ABC4B2A76B9719D911017C592AE9F5DD4F2C8B1A2C0E0E7A2B2C7E1F0\";", "TRJ0159")]
    [InlineData("pin send \"sha256:5d41\";", "TRJ0159")]
    [InlineData("pin send \"sha1:5d41402abc4b2a76b9719d911017c592ae9f5dd4f2c8b1a2c0e0e7a2b2c7e1f0\";", "TRJ0159")]
    [InlineData("pin send \"sha256:5d41402abc4b2a76b9719d911017c592ae9f5dd4f2c8b1a2c0e0e7a2b2c7e1fg\";", "TRJ0159")]
    [InlineData("pin send \"" + HashA + "\"; pin send \"" + HashA + "\";", "TRJ0160")]
    [InlineData("pin mail \"" + HashA + "\";", "TRJ0101")]
    [InlineData("pin send;", "TRJ0012")]
    public void Malformed_pins_are_refused_at_their_position(string pin, string code)
    {
        var diagnostic = CompileHelpers.SingleDiagnostic(Policy.Replace("plan read send?;", "plan read send?;\n  " + pin), code);
        Assert.Equal(5, diagnostic.Location.Line);
        Assert.True(diagnostic.IsError);
    }

    [Fact]
    public void The_formatter_writes_pins_and_reads_them_back()
    {
        var text = Policy.Replace("plan read send?;", $"plan read send?;\n  pin send    \"{HashA}\" ;");
        var formatted = Trajeckt.Traj.Syntax.TrajFormatter.Format(Trajeckt.Traj.Syntax.TrajParser.Parse(text, "p.traj").Syntax);
        Assert.Contains($"  pin send \"{HashA}\";\n", formatted, StringComparison.Ordinal);
        Assert.Equal(CompileHelpers.Single(text).Encoding, CompileHelpers.Single(formatted).Encoding);
    }

    [Fact]
    public void Pin_text_has_one_spelling()
    {
        Assert.True(ToolPin.TryParse(HashA, out var hash));
        Assert.Equal(HashA, ToolPin.Format(hash!));
        foreach (var bad in new[] { null, "", HashA.ToUpperInvariant(), HashA + "0", HashA[..^1], " " + HashA[1..], "SHA256:" + HashA[7..] })
            Assert.False(ToolPin.TryParse(bad, out _));
        Assert.Throws<ArgumentException>(() => ToolPin.Format(new byte[31]));
    }

    [Fact]
    public void Malformed_pin_sections_are_refused_with_a_typed_error()
    {
        var plain = CompileHelpers.Single(Policy).Encoding;
        var hash = new byte[32];
        byte[] Version2(params object[] section) => RawEncoding.Of(plain[..4], 2, plain[5..], RawEncoding.Of(section));

        Assert.True(GraphDecoder.TryDecode(Version2(1, 0, hash), out var graph, out _));
        Assert.Equal("read", graph!.Pins[0].ToolName);
        Assert.True(GraphDecoder.TryDecode(Version2(2, 0, hash, 0, hash), out graph, out _));
        Assert.Equal(new[] { "read", "send" }, graph!.Pins.Select(p => p.ToolName));

        AssertRefused(Version2(0), GraphFormatErrorKind.NotCanonical);                       // version 2 pins at least one tool
        AssertRefused(Version2(3, 0, hash, 0, hash, 0, hash), GraphFormatErrorKind.LengthOutOfRange); // more pins than tools
        AssertRefused(Version2(1, 2, hash), GraphFormatErrorKind.InvalidReference);         // no tool 2
        AssertRefused(Version2(2, 1, hash, 0, hash), GraphFormatErrorKind.InvalidReference); // gap-coded: the second would be tool 2
        AssertRefused(Version2(1, 0, hash[..31]), GraphFormatErrorKind.LengthOutOfRange);   // the count needs 33 bytes
        AssertRefused(Version2(2, 0, hash, 0, hash[..31]), GraphFormatErrorKind.LengthOutOfRange);
        AssertRefused(Version2(1, 0, hash, (byte)0), GraphFormatErrorKind.TrailingBytes);
        AssertRefused(Version2(), GraphFormatErrorKind.Truncated);                           // no pin section at all
        AssertRefused(RawEncoding.Of(plain, 1, 0, hash), GraphFormatErrorKind.TrailingBytes); // a version 1 graph has none
        AssertRefused(RawEncoding.Of(plain[..4], 3, plain[5..]), GraphFormatErrorKind.UnsupportedVersion);
    }

    private static void AssertRefused(byte[] bytes, GraphFormatErrorKind kind)
    {
        Assert.False(GraphDecoder.TryDecode(bytes, out _, out var error));
        Assert.Equal(kind, error!.Kind);
        Assert.Equal(kind, Assert.Throws<GraphFormatException>(() => GraphDecoder.Decode(bytes)).Error.Kind);
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "", Directory.GetCurrentDirectory() }.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Trajeckt.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Trajeckt.sln not found");
    }
}
