using System.Security.Cryptography;
using CsCheck;
using Trajeckt.Audit;

namespace Trajeckt.Runtime.Tests.Audit;

/// <summary>The decision log's SHA-256: libcrypto's low-level functions on Linux, the same digests as .NET's <see cref="SHA256"/>, and a fallback that is .NET's.</summary>
public sealed class ChainHasherTests
{
    [Fact]
    public void On_Linux_the_log_hashes_with_libcrypto_directly()
    {
        // .NET on Linux needs libcrypto itself, so the fast path is always there; losing it would silently halve the writer's speed.
        Assert.Equal(OperatingSystem.IsLinux(), ChainHasher.Shared.IsNative);
    }

    [Fact]
    public void The_shared_hasher_computes_SHA256_for_any_input()
    {
        Gen.Byte.Array[0, 5000].Sample(data =>
        {
            var digest = new byte[32];
            ChainHasher.Shared.Hash(data, digest);
            Assert.Equal(SHA256.HashData(data), digest);
        }, iter: 2000);
    }

    [Theory]
    [InlineData("libtrajeckt-no-such-library.so")]
    [InlineData("libc.so.6")]
    public void A_library_that_is_missing_or_lacks_SHA256_falls_back_to_dotnet(string library)
    {
        var hasher = ChainHasher.Create([library]);

        Assert.False(hasher.IsNative);
        var digest = new byte[32];
        hasher.Hash("abc"u8, digest);
        Assert.Equal(Convert.FromHexString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), digest);
    }

    [Fact]
    public void A_digest_buffer_shorter_than_32_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ChainHasher.Shared.Hash("abc"u8, new byte[31]));
    }
}
