using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Trajeckt.Audit;

/// <summary>
/// SHA-256 of one decision log line at a time, for the chain the writer thread keeps (<see cref="LogChain"/>).
/// </summary>
/// <remarks>
/// On Linux, <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> spends about 0.4 us per call on
/// OpenSSL 3's EVP layer (a digest context made, dispatched through a provider and freed), four times the
/// hash of a 200-byte line itself; the writer hashes every line, so that overhead alone was half of the
/// 1 us a line the log may cost at a million decisions a second. So on Linux the writer calls libcrypto's
/// low-level <c>SHA256_Init</c>/<c>SHA256_Update</c>/<c>SHA256_Final</c> (exported by OpenSSL 1.1 and 3,
/// the library .NET itself uses there), after checking them against <see cref="SHA256"/> on known inputs.
/// Anywhere else, or when the library, a symbol or that check is missing, it is <see cref="SHA256"/>.
/// Both compute the same SHA-256; the verifier always uses <see cref="SHA256"/>.
/// </remarks>
internal abstract class ChainHasher
{
    /// <summary>The libcrypto sonames .NET on Linux loads, newest first.</summary>
    internal static readonly string[] LibcryptoNames = ["libcrypto.so.3", "libcrypto.so.1.1"];

    /// <summary>The fastest hasher this process can use, chosen and checked once; it keeps no state between calls.</summary>
    public static ChainHasher Shared { get; } = Create(LibcryptoNames);

    /// <summary>Chooses and checks a hasher, trying the libraries named (tests name missing ones).</summary>
    internal static ChainHasher Create(IEnumerable<string> libcryptoNames) =>
        OperatingSystem.IsLinux() && OpenSslSha256.TryLoad(libcryptoNames, out var native) && native.AgreesWithSha256()
            ? native
            : DotNetSha256.Instance;

    /// <summary>Whether this is libcrypto's low-level SHA-256.</summary>
    public abstract bool IsNative { get; }

    /// <summary>Writes the SHA-256 of <paramref name="data"/> into the first 32 bytes of <paramref name="digest"/>.</summary>
    public abstract void Hash(ReadOnlySpan<byte> data, Span<byte> digest);

    // Lengths around SHA-256's block and padding edges, and a long input, with fixed content.
    private bool AgreesWithSha256()
    {
        var random = new Random(20261205);
        Span<byte> mine = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> reference = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var length in (int[])[0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 127, 128, 207, 1000, 70_000])
        {
            var data = new byte[length];
            random.NextBytes(data);
            Hash(data, mine);
            SHA256.HashData(data, reference);
            if (!mine.SequenceEqual(reference))
                return false;
        }
        return true;
    }

    private sealed class DotNetSha256 : ChainHasher
    {
        public static readonly DotNetSha256 Instance = new();

        public override bool IsNative => false;

        public override void Hash(ReadOnlySpan<byte> data, Span<byte> digest) => SHA256.HashData(data, digest);
    }

    private sealed unsafe class OpenSslSha256 : ChainHasher
    {
        // SHA256_CTX is 112 bytes in every OpenSSL since 0.9.8; callers allocate it (openssl/sha.h), so its
        // size is part of the soname's ABI. Twice that, for margin.
        private const int ContextBytes = 256;

        private readonly delegate* unmanaged<byte*, int> _init;
        private readonly delegate* unmanaged<byte*, byte*, nuint, int> _update;
        private readonly delegate* unmanaged<byte*, byte*, int> _final;

        private OpenSslSha256(nint init, nint update, nint final)
        {
            _init = (delegate* unmanaged<byte*, int>)init;
            _update = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
            _final = (delegate* unmanaged<byte*, byte*, int>)final;
        }

        public static bool TryLoad(IEnumerable<string> names, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OpenSslSha256? hasher)
        {
            foreach (var name in names)
            {
                // The library stays loaded for the process, as .NET's own crypto keeps it.
                if (NativeLibrary.TryLoad(name, out var library)
                    && NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                    && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                    && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
                {
                    hasher = new OpenSslSha256(init, update, final);
                    return true;
                }
            }
            hasher = null;
            return false;
        }

        public override bool IsNative => true;

        public override void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
        {
            if (digest.Length < SHA256.HashSizeInBytes)
                throw new ArgumentException("The digest needs 32 bytes.", nameof(digest));
            var context = stackalloc byte[ContextBytes];
            fixed (byte* input = data)
            fixed (byte* output = digest)
            {
                // Each returns 1 on success; anything else stops the writer (DecisionLog.Failure), never a wrong hash.
                if (_init(context) != 1 || _update(context, input, (nuint)data.Length) != 1 || _final(output, context) != 1)
                    throw new CryptographicException("libcrypto's SHA-256 failed.");
            }
        }
    }
}
