using Trajeckt.Traj.Graph;
using static Trajeckt.Traj.Tests.GraphFormat.RawEncoding;

namespace Trajeckt.Traj.Tests.GraphFormat;

public class GraphDecoderErrorTests
{
    private static readonly byte[] Valid = Of(Named, 0, 1, PlainTool("a"), LoopOnFirstTool);

    private static readonly Dictionary<string, (byte[] Bytes, GraphFormatErrorKind Kind, long Offset)> Cases = new()
    {
        ["empty input"] = (Array.Empty<byte>(), GraphFormatErrorKind.BadMagic, 0),
        ["short magic"] = (Of((byte)'T', (byte)'R', (byte)'J'), GraphFormatErrorKind.BadMagic, 3),
        ["wrong magic"] = (Of((byte)'T', (byte)'R', (byte)'J', (byte)'X', 1), GraphFormatErrorKind.BadMagic, 3),
        ["version 3"] = (Of((byte)'T', (byte)'R', (byte)'J', (byte)'G', 3), GraphFormatErrorKind.UnsupportedVersion, 4),
        ["overlong varint"] = (Of((byte)'T', (byte)'R', (byte)'J', (byte)'G', (byte)0x81, (byte)0x00), GraphFormatErrorKind.NotCanonical, 4),
        ["varint over int range"] = (Of(Header, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }), GraphFormatErrorKind.LengthOutOfRange, 5),
        ["six-byte varint"] = (Of(Header, new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 }), GraphFormatErrorKind.LengthOutOfRange, 5),
        ["empty name"] = (Of(Header, 0), GraphFormatErrorKind.InvalidValue, 5),
        ["name longer than the input"] = (Of(Header, 5, (byte)'a'), GraphFormatErrorKind.Truncated, 5),
        ["name over 1 MiB"] = (Of(Header, 1024 * 1024 + 1), GraphFormatErrorKind.TooLarge, 5),
        ["overlong UTF-8"] = (Of(Header, 2, (byte)0xC0, (byte)0x80), GraphFormatErrorKind.InvalidUtf8, 6),
        ["UTF-8 surrogate"] = (Of(Header, 3, (byte)0xED, (byte)0xA0, (byte)0x80), GraphFormatErrorKind.InvalidUtf8, 6),
        ["labels out of order"] = (Of(Named, 2, "b", "a"), GraphFormatErrorKind.NotCanonical, 10),
        ["label repeated"] = (Of(Named, 2, "a", "a"), GraphFormatErrorKind.NotCanonical, 10),
        ["too many labels"] = (Of(Named, 100_001), GraphFormatErrorKind.TooLarge, 7),
        ["more tools than bytes"] = (Of(Named, 0, 50, PlainTool("a")), GraphFormatErrorKind.LengthOutOfRange, 8),
        ["too many tools"] = (Of(Named, 0, 100_001), GraphFormatErrorKind.TooLarge, 8),
        ["tools out of order"] = (Of(Named, 0, 2, PlainTool("b"), PlainTool("a"), LoopOnFirstTool), GraphFormatErrorKind.NotCanonical, 16),
        ["unknown effect bit"] = (Of(Named, 0, 1, "a", (byte)0x20, (byte)3, (byte)0, (byte)5, 0, LoopOnFirstTool), GraphFormatErrorKind.InvalidValue, 11),
        ["origin out of range"] = (Of(Named, 0, 1, "a", (byte)0, (byte)6, (byte)0, (byte)5, 0, LoopOnFirstTool), GraphFormatErrorKind.InvalidValue, 12),
        ["floor out of range"] = (Of(Named, 0, 1, "a", (byte)0, (byte)3, (byte)7, (byte)5, 0, LoopOnFirstTool), GraphFormatErrorKind.InvalidValue, 13),
        ["authorizer without floor"] = (Of(Named, 0, 1, "a", (byte)0, (byte)3, (byte)0, (byte)4, 0, LoopOnFirstTool), GraphFormatErrorKind.NotCanonical, 14),
        ["control sink without floor"] = (Of(Named, 0, 1, "a", (byte)4, (byte)3, (byte)0, (byte)5, 0, LoopOnFirstTool), GraphFormatErrorKind.InvalidGraph, 13),
        ["sensitive without labels"] = (Of(Named, 0, 1, "a", (byte)1, (byte)3, (byte)0, (byte)5, 0, LoopOnFirstTool), GraphFormatErrorKind.NotCanonical, 15),
        ["labels without sensitive"] = (Of(Named, 1, "p", 1, "a", (byte)0, (byte)3, (byte)0, (byte)5, 1, 0, 0, LoopOnFirstTool), GraphFormatErrorKind.NotCanonical, 17),
        ["label index out of range"] = (Of(Named, 1, "p", 1, "a", (byte)1, (byte)3, (byte)0, (byte)5, 1, 1, 0, LoopOnFirstTool), GraphFormatErrorKind.InvalidReference, 18),
        ["label carried by no tool"] = (Of(Named, 1, "p", 1, PlainTool("a"), 0, LoopOnFirstTool), GraphFormatErrorKind.NotCanonical, 8),
        ["flow to a tool that is no sink"] = (Of(Named, 1, "p", 1, "a", (byte)1, (byte)3, (byte)0, (byte)5, 1, 0, 1, 0, LoopOnFirstTool), GraphFormatErrorKind.InvalidGraph, 19),
        ["flow to a missing tool"] = (Of(Named, 1, "p", 1, "a", (byte)1, (byte)3, (byte)0, (byte)5, 1, 0, 1, 1, LoopOnFirstTool), GraphFormatErrorKind.InvalidReference, 20),
        ["budget flag 2"] = (Of(Named, 0, 1, PlainTool("a"), (byte)2), GraphFormatErrorKind.InvalidValue, 16),
        ["no states"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 0), GraphFormatErrorKind.InvalidGraph, 17),
        ["too many states"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 1_000_001), GraphFormatErrorKind.TooLarge, 17),
        ["accepting flag 2"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 1, (byte)2, 0), GraphFormatErrorKind.InvalidValue, 18),
        ["row longer than the tools"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 1, (byte)1, 2, 0, 0, 0, 0), GraphFormatErrorKind.LengthOutOfRange, 19),
        ["transition to a missing tool"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 1, (byte)1, 1, 1, 0), GraphFormatErrorKind.InvalidReference, 20),
        ["transition to a missing state"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 1, (byte)1, 1, 0, 1), GraphFormatErrorKind.InvalidReference, 21),
        ["states not in breadth-first order"] = (Of(Named, 0, 2, PlainTool("a"), PlainTool("b"), (byte)0, 3, (byte)0, 2, 0, 2, 0, 1, (byte)1, 0, (byte)1, 0), GraphFormatErrorKind.NotCanonical, 24),
        ["unreachable state"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 2, (byte)1, 0, (byte)1, 0), GraphFormatErrorKind.NotCanonical, 17),
        ["dead state"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 2, (byte)1, 1, 0, 1, (byte)0, 0), GraphFormatErrorKind.NotCanonical, 17),
        ["two equivalent states"] = (Of(Named, 0, 1, PlainTool("a"), (byte)0, 2, (byte)1, 1, 0, 1, (byte)1, 1, 0, 1), GraphFormatErrorKind.NotCanonical, 17),
        ["trailing byte"] = (Of(Valid, (byte)0), GraphFormatErrorKind.TrailingBytes, Valid.Length),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Fact]
    public void The_base_case_is_valid()
    {
        var graph = GraphDecoder.Decode(Valid);
        Assert.Equal("T", graph.Name);
        Assert.Equal(Valid, GraphEncoder.Encode(graph));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Malformed_input_is_refused_with_its_kind_and_offset(string name)
    {
        var (bytes, kind, offset) = Cases[name];
        Assert.False(GraphDecoder.TryDecode(bytes, out var graph, out var error));
        Assert.Null(graph);
        Assert.Equal(kind, error!.Kind);
        Assert.Equal(offset, error.Offset);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var exception = Assert.Throws<GraphFormatException>(() => GraphDecoder.Decode(bytes));
        Assert.Equal(kind, exception.Error.Kind);
        Assert.Contains($"at byte {offset}", exception.Message);
    }

    [Fact]
    public void Input_over_64_MiB_is_refused_before_reading()
    {
        var bytes = new byte[GraphLimits.MaxEncodingBytes + 1];
        Assert.False(GraphDecoder.TryDecode(bytes, out _, out var error));
        Assert.Equal(GraphFormatErrorKind.TooLarge, error!.Kind);
    }

    [Fact]
    public void Null_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => GraphDecoder.Decode(null!));
        Assert.Throws<ArgumentNullException>(() => GraphDecoder.TryDecode(null!, out _, out _));
    }
}
