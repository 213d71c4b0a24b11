namespace Trajeckt.Traj.Graph;

/// <summary>
/// A declared tool's pinned definition: the SHA-256 of the canonical JSON of the definition an operator
/// reviewed (for an MCP tool: everything <c>tools/list</c> says about it, docs/gateway.md). The pin is part
/// of the graph's encoding, so the seal covers it (docs/graph-format.md, version 2).
/// </summary>
public sealed class ToolPin
{
    /// <summary>The length of a pin's hash in bytes (SHA-256).</summary>
    public const int HashLength = 32;

    /// <summary>The prefix of a pin's text form, <c>sha256:</c> followed by 64 lowercase hex digits.</summary>
    public const string TextPrefix = "sha256:";

    private readonly byte[] _hash;

    internal ToolPin(int toolIndex, string toolName, byte[] hash)
    {
        ToolIndex = toolIndex;
        ToolName = toolName;
        _hash = hash;
    }

    /// <summary>The pinned tool's index in <see cref="CompiledGraph.Tools"/>.</summary>
    public int ToolIndex { get; }

    /// <summary>The pinned tool's name.</summary>
    public string ToolName { get; }

    /// <summary>The 32 hash bytes, in a new array.</summary>
    public byte[] GetHash() => (byte[])_hash.Clone();

    internal byte[] HashArray => _hash;

    /// <summary>Whether <paramref name="hash"/> is this pin's hash.</summary>
    /// <param name="hash">A SHA-256 of a definition's canonical form.</param>
    public bool Matches(byte[] hash)
    {
        if (hash is null || hash.Length != HashLength)
            return false;
        var difference = 0;
        for (var i = 0; i < HashLength; i++)
            difference |= hash[i] ^ _hash[i];
        return difference == 0;
    }

    /// <summary>The pin as Traj writes it: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public override string ToString() => Format(_hash);

    /// <summary>Writes a hash in the pin's text form, <c>sha256:</c> and 64 lowercase hex digits.</summary>
    /// <param name="hash">Exactly <see cref="HashLength"/> bytes.</param>
    public static string Format(byte[] hash)
    {
        if (hash is null)
            throw new ArgumentNullException(nameof(hash));
        if (hash.Length != HashLength)
            throw new ArgumentException($"A pin's hash has {HashLength} bytes, not {hash.Length}.", nameof(hash));
        const string digits = "0123456789abcdef";
        var chars = new char[TextPrefix.Length + HashLength * 2];
        TextPrefix.CopyTo(0, chars, 0, TextPrefix.Length);
        for (var i = 0; i < HashLength; i++)
        {
            chars[TextPrefix.Length + 2 * i] = digits[hash[i] >> 4];
            chars[TextPrefix.Length + 2 * i + 1] = digits[hash[i] & 0xF];
        }
        return new string(chars);
    }

    /// <summary>Parses the text form (<c>sha256:</c> and exactly 64 <em>lowercase</em> hex digits, one spelling only).</summary>
    /// <param name="text">The text.</param>
    /// <param name="hash">The 32 hash bytes, when the text is well-formed.</param>
    /// <returns>Whether <paramref name="text"/> is a pin's text form.</returns>
    public static bool TryParse(string? text, out byte[]? hash)
    {
        hash = null;
        if (text is null || text.Length != TextPrefix.Length + HashLength * 2 || !text.StartsWith(TextPrefix, StringComparison.Ordinal))
            return false;
        var bytes = new byte[HashLength];
        for (var i = 0; i < HashLength; i++)
        {
            var high = LowerHex(text[TextPrefix.Length + 2 * i]);
            var low = LowerHex(text[TextPrefix.Length + 2 * i + 1]);
            if (high < 0 || low < 0)
                return false;
            bytes[i] = (byte)((high << 4) | low);
        }
        hash = bytes;
        return true;
    }

    private static int LowerHex(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
}
