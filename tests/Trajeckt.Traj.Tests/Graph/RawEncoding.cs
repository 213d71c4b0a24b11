using System.Text;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>Hand-written encodings: an int is a varint, a byte is itself, a string is length-prefixed UTF-8.</summary>
internal static class RawEncoding
{
    public static byte[] Of(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case byte b:
                    bytes.Add(b);
                    break;
                case int value:
                    for (var v = (uint)value; ; v >>= 7)
                    {
                        if (v < 0x80)
                        {
                            bytes.Add((byte)v);
                            break;
                        }
                        bytes.Add((byte)(v | 0x80));
                    }
                    break;
                case string text:
                    var utf8 = Encoding.UTF8.GetBytes(text);
                    bytes.AddRange(Of(utf8.Length));
                    bytes.AddRange(utf8);
                    break;
                case byte[] raw:
                    bytes.AddRange(raw);
                    break;
                default:
                    throw new ArgumentException(part.GetType().Name);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Magic and version 1.</summary>
    public static readonly byte[] Header = { (byte)'T', (byte)'R', (byte)'J', (byte)'G', 1 };

    /// <summary>Header and trajectory name "T".</summary>
    public static readonly byte[] Named = Of(Header, "T");

    /// <summary>A tool with no effects, the default origin, no floor and the default authorizer.</summary>
    public static byte[] PlainTool(string name) => Of(name, (byte)0, (byte)3, (byte)0, (byte)5, 0);

    /// <summary>No budget, then one accepting state that loops on tool 0.</summary>
    public static readonly byte[] LoopOnFirstTool = Of((byte)0, 1, (byte)1, 1, 0, 0);
}
