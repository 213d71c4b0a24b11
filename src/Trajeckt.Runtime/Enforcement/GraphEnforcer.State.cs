using System.Diagnostics.CodeAnalysis;
using System.Text;
using Trajeckt.Sessions;

namespace Trajeckt.Enforcement;

/// <summary>
/// The enforcer's half of a session state (docs/sessions.md has the layout): frontier, budget count,
/// integrity and taint with their provenance, pending authorizations, and the first undeclared label.
/// Reading checks every index against the commitment's tables, so a restored enforcer decides exactly
/// as one that made the same calls, and never indexes out of its tables.
/// </summary>
internal sealed partial class GraphEnforcer
{
    /// <summary>The longest undeclared label a state keeps, in UTF-8 bytes; it only explains refusals.</summary>
    internal const int MaxUnknownLabelBytes = 256;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public void WriteState(StateWriter writer)
    {
        writer.Varint(_state);
        writer.Varint(_allowed);
        writer.Byte((byte)_integrity);
        var seen = Seen;
        writer.Varint(seen.IntegritySource + 1);
        writer.Varint(seen.IntegrityStep);
        writer.Varint(seen.LastTool + 1);
        writer.Varint(seen.LastStep);

        var labels = 0;
        for (var label = 0; label < _tables.LabelCount; label++)
            labels += InTaint(label) ? 1 : 0;
        writer.Varint(labels);
        for (var label = 0; label < _tables.LabelCount; label++)
        {
            if (!InTaint(label))
                continue;
            var origin = seen.LabelOrigins![label];
            writer.Varint(label);
            writer.Varint(origin.Source + 1);
            writer.Varint(origin.Step);
            writer.Byte(origin.Reported ? (byte)1 : (byte)0);
        }

        var pending = _pending ?? [];
        writer.Varint(pending.Length);
        foreach (var count in pending)
            writer.Varint(count);

        if (seen.UnknownLabel is { } unknown)
        {
            writer.Byte(1);
            var text = Encoding.UTF8.GetBytes(unknown.Label);
            if (text.Length > MaxUnknownLabelBytes)
                text = Encoding.UTF8.GetBytes(Truncate(unknown.Label));
            writer.Varint(text.Length);
            writer.Bytes(text);
            writer.Varint(unknown.Source + 1);
            writer.Varint(unknown.Step);
        }
        else
        {
            writer.Byte(0);
        }
    }

    /// <summary>Reads the enforcer's half of a state written by <see cref="WriteState"/> into this fresh enforcer.</summary>
    /// <param name="reader">The reader, positioned at the enforcer's fields.</param>
    /// <param name="maxStep">The session's step count: no recorded step may exceed it.</param>
    /// <param name="error">What is wrong with the state, when reading fails.</param>
    public bool TryReadState(ref StateReader reader, long maxStep, [NotNullWhen(false)] out string? error)
    {
        var tools = _tables.ToolCount;
        if (!reader.TryInt(_tables.Graph.StateCount - 1, out _state))
            return Fail("the plan state is not a state of the graph", out error);
        if (!reader.TryVarint(maxStep, out _allowed))
            return Fail("the count of allowed calls is malformed or exceeds the steps", out error);
        if (!reader.TryByte(out var integrity) || integrity > (byte)Trust.TrustedUser)
            return Fail("the integrity is not a trust level", out error);
        _integrity = (Trust)integrity;
        // A restored enforcer always has provenance: states are only worth storing once something happened.
        var why = Why;
        if (!TryReadSource(ref reader, tools, out why.IntegritySource) || !reader.TryVarint(maxStep, out why.IntegrityStep))
            return Fail("the integrity's source is not a tool of the graph", out error);
        if (!TryReadSource(ref reader, tools, out why.LastTool) || !reader.TryVarint(maxStep, out why.LastStep))
            return Fail("the last call is not a tool of the graph", out error);

        if (!reader.TryInt(_tables.LabelCount, out var labels))
            return Fail("the taint lists more labels than the graph declares", out error);
        var previous = -1;
        for (var i = 0; i < labels; i++)
        {
            if (!reader.TryInt(_tables.LabelCount - 1, out var label) || label <= previous)
                return Fail("a taint label is not a label of the graph, or the labels are not in ascending order", out error);
            if (!TryReadSource(ref reader, tools, out var source) || !reader.TryVarint(maxStep, out var step)
                || !reader.TryByte(out var reported) || reported > 1)
                return Fail("a taint label's origin is malformed", out error);
            SetTaintBit(label);
            why.LabelOrigins ??= new LabelOrigin[_tables.LabelCount];
            why.LabelOrigins[label] = new LabelOrigin(source, step, reported == 1);
            previous = label;
        }

        if (!reader.TryInt(_tables.FlooredToolCount, out var slots) || (slots != 0 && slots != _tables.FlooredToolCount))
            return Fail("the pending authorizations do not match the graph's floored tools", out error);
        if (slots > 0)
        {
            _pending = new int[slots];
            for (var i = 0; i < slots; i++)
            {
                if (!reader.TryInt(int.MaxValue, out _pending[i]))
                    return Fail("a pending authorization count is malformed", out error);
            }
        }

        if (!reader.TryByte(out var hasUnknown) || hasUnknown > 1)
            return Fail("the undeclared-label flag is malformed", out error);
        if (hasUnknown == 1)
        {
            if (!reader.TryInt(MaxUnknownLabelBytes, out var length) || !reader.TryBytes(length, out var text)
                || !TryDecode(text, out var label)
                || !TryReadSource(ref reader, tools, out var source) || !reader.TryVarint(maxStep, out var step))
                return Fail("the undeclared label is malformed", out error);
            _hasUnknownLabel = true;
            why.UnknownLabel = new UnknownLabel(label, source, step);
        }
        error = null;
        return true;
    }

    private static bool TryReadSource(ref StateReader reader, int tools, out int source)
    {
        var ok = reader.TryInt(tools, out var stored);
        source = stored - 1;
        return ok;
    }

    private static bool TryDecode(ReadOnlySpan<byte> text, [NotNullWhen(true)] out string? value)
    {
        try
        {
            value = s_strictUtf8.GetString(text);
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = null;
            return false;
        }
    }

    private static string Truncate(string label)
    {
        var end = Math.Min(label.Length, MaxUnknownLabelBytes / 4);
        if (end > 0 && char.IsHighSurrogate(label[end - 1]))
            end--;
        return label[..end];
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    private void SetTaintBit(int label)
    {
        if (label < 64)
            _taintLow |= 1UL << label;
        else
            _taintHigh[(label >> 6) - 1] |= 1UL << (label & 63);
    }
}
