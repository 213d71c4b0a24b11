using CsCheck;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>The decoder fails closed: whatever the bytes, it returns a canonical graph or a typed error.</summary>
public class GraphDecoderFuzzTests
{
    private static readonly Gen<byte[]> Encodings = GraphGen.Graph.Select(GraphEncoder.Encode);

    [Fact]
    public void Random_bytes_are_refused_with_a_typed_error()
    {
        Gen.OneOf(
                Gen.Byte.Array[0, 64],
                Gen.Byte.Array[0, 64].Select(tail => RawEncoding.Of(RawEncoding.Header, tail)),
                Gen.Byte.Array[0, 64].Select(tail => RawEncoding.Of(RawEncoding.Named, tail)))
            .Sample(AssertDecodesCanonicallyOrFails, iter: 2000);
    }

    [Fact]
    public void Every_truncation_of_a_valid_encoding_is_refused()
    {
        Encodings.Sample(bytes =>
        {
            for (var length = 0; length < bytes.Length; length++)
            {
                var prefix = bytes.AsSpan(0, length).ToArray();
                Assert.False(GraphDecoder.TryDecode(prefix, out _, out var error));
                Assert.Contains(error!.Kind, new[] { GraphFormatErrorKind.BadMagic, GraphFormatErrorKind.Truncated, GraphFormatErrorKind.LengthOutOfRange });
            }
        }, iter: 100);
    }

    [Fact]
    public void Bit_flips_and_byte_changes_decode_canonically_or_fail()
    {
        Gen.Select(Encodings, Gen.Int, Gen.Byte, Gen.Bool).Sample((bytes, where, value, flip) =>
        {
            var mutated = (byte[])bytes.Clone();
            var index = (int)((uint)where % (uint)mutated.Length);
            mutated[index] = flip ? (byte)(mutated[index] ^ (1 << (value & 7))) : value;
            AssertDecodesCanonicallyOrFails(mutated);
        }, iter: 3000);
    }

    [Fact]
    public void Inserted_and_deleted_bytes_decode_canonically_or_fail()
    {
        Gen.Select(Encodings, Gen.Int, Gen.Byte, Gen.Bool).Sample((bytes, where, value, insert) =>
        {
            var list = bytes.ToList();
            var index = (int)((uint)where % (uint)list.Count);
            if (insert)
                list.Insert(index, value);
            else
                list.RemoveAt(index);
            AssertDecodesCanonicallyOrFails(list.ToArray());
        }, iter: 1000);
    }

    private static void AssertDecodesCanonicallyOrFails(byte[] bytes)
    {
        if (GraphDecoder.TryDecode(bytes, out var graph, out var error))
        {
            Assert.Equal(bytes, GraphEncoder.Encode(graph));
            return;
        }
        Assert.True(Enum.IsDefined(error.Kind));
        var exception = Record.Exception(() => GraphDecoder.Decode(bytes));
        Assert.IsType<GraphFormatException>(exception);
    }
}
