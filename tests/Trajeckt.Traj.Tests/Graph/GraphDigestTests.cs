using CsCheck;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.GraphFormat;

public class GraphDigestTests
{
    [Fact]
    public void The_digest_is_the_sha256_of_the_encoding()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", GraphDigest.Compute(Array.Empty<byte>()).ToString());
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", GraphDigest.Compute("abc"u8.ToArray()).ToString());
    }

    [Fact]
    public void Hex_bytes_and_equality_round_trip()
    {
        Gen.Byte.Array[32].Sample(bytes =>
        {
            var digest = GraphDigest.FromBytes(bytes);
            Assert.Equal(bytes, digest.ToArray());
            Assert.Equal(Convert.ToHexStringLower(bytes), digest.ToString());
            Assert.True(GraphDigest.TryParse(digest.ToString(), out var lower));
            Assert.True(GraphDigest.TryParse(digest.ToString().ToUpperInvariant(), out var upper));
            Assert.True(lower == digest && upper == digest && lower.Equals((object)digest));
            Assert.Equal(digest.GetHashCode(), lower.GetHashCode());
        }, iter: 200);
    }

    [Fact]
    public void Different_bytes_give_different_digests()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Int[0, 255]).Sample((bytes, bit) =>
        {
            var other = (byte[])bytes.Clone();
            other[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.True(GraphDigest.FromBytes(bytes) != GraphDigest.FromBytes(other));
            Assert.False(GraphDigest.FromBytes(bytes).Equals(GraphDigest.FromBytes(other)));
        }, iter: 200);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555")]
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85 ")]
    public void Malformed_hex_is_not_a_digest(string? hex)
    {
        Assert.False(GraphDigest.TryParse(hex, out var digest));
        Assert.Equal(default, digest);
    }

    [Fact]
    public void A_digest_has_exactly_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => GraphDigest.FromBytes(new byte[31]));
        Assert.Throws<ArgumentNullException>(() => GraphDigest.Compute(null!));
        var copy = GraphDigest.Compute(Array.Empty<byte>()).ToArray();
        copy[0] ^= 1;
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", GraphDigest.Compute(Array.Empty<byte>()).ToString());
    }
}
