using System.Diagnostics.CodeAnalysis;

namespace Trajeckt.Traj.Graph;

/// <summary>
/// Reads the canonical encoding of a <see cref="CompiledGraph"/> (docs/graph-format.md). Every input
/// that is malformed, truncated, over a <see cref="GraphLimits"/> limit or not canonical is refused with
/// a <see cref="GraphFormatError"/>; whatever decodes re-encodes to exactly the same bytes.
/// </summary>
public static class GraphDecoder
{
    // The fewest bytes each item can take, so that counts are checked before anything is allocated.
    private const int MinLabelBytes = 2;
    private const int MinToolBytes = 7;
    private const int MinStateBytes = 2;
    private const int MinTransitionBytes = 2;
    private const int MinPinBytes = 1 + ToolPin.HashLength;

    /// <summary>Decodes a graph.</summary>
    /// <param name="bytes">The encoding.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphFormatException">The bytes are not a valid canonical graph encoding.</exception>
    public static CompiledGraph Decode(byte[] bytes)
    {
        if (bytes is null)
            throw new ArgumentNullException(nameof(bytes));
        return Read(bytes);
    }

    /// <summary>Decodes a graph, reporting a malformed encoding instead of throwing.</summary>
    /// <param name="bytes">The encoding.</param>
    /// <param name="graph">The graph, when the bytes are valid.</param>
    /// <param name="error">Why the bytes were refused, when they are not.</param>
    /// <returns>Whether the bytes are a valid canonical graph encoding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is <see langword="null"/>.</exception>
    public static bool TryDecode(byte[] bytes, [NotNullWhen(true)] out CompiledGraph? graph, [NotNullWhen(false)] out GraphFormatError? error)
    {
        if (bytes is null)
            throw new ArgumentNullException(nameof(bytes));
        try
        {
            graph = Read(bytes);
            error = null;
            return true;
        }
        catch (GraphFormatException exception)
        {
            graph = null;
            error = exception.Error;
            return false;
        }
    }

    private static CompiledGraph Read(byte[] bytes)
    {
        if (bytes.Length > GraphLimits.MaxEncodingBytes)
            throw GraphReader.Fail(GraphFormatErrorKind.TooLarge, 0, $"The encoding is {bytes.Length} bytes; at most {GraphLimits.MaxEncodingBytes} are allowed.");
        var reader = new GraphReader(bytes);
        var version = ReadHeader(reader);
        var name = reader.ReadName("the trajectory name");
        var labels = ReadLabels(reader, out var labelOffsets);
        var tools = ReadTools(reader, labels, labelOffsets);
        var flows = ReadFlows(reader, labels, tools);
        var budget = ReadBudget(reader);
        var automaton = ReadAutomaton(reader, tools.Length);
        var pins = version == GraphFormat.PinnedVersion ? ReadPins(reader, tools) : null;
        if (reader.Remaining > 0)
            throw GraphReader.Fail(GraphFormatErrorKind.TrailingBytes, reader.Position, $"{reader.Remaining} bytes follow the end of the graph.");
        CanonicalAutomatonCheck.Run(automaton, tools.Length);
        return new CompiledGraph(name, tools, labels, flows, budget, automaton.Accepting, automaton.TransitionStart, automaton.TransitionTool, automaton.TransitionTarget, pins);
    }

    private static int ReadHeader(GraphReader reader)
    {
        foreach (var expected in GraphFormat.Magic)
        {
            var at = reader.Position;
            if (reader.Remaining == 0 || reader.ReadByte("the magic") != expected)
                throw GraphReader.Fail(GraphFormatErrorKind.BadMagic, at, "The bytes do not start with the graph magic 'TRJG'.");
        }
        var versionAt = reader.Position;
        var version = reader.ReadVarint("the format version");
        if (version != GraphFormat.Version && version != GraphFormat.PinnedVersion)
            throw GraphReader.Fail(GraphFormatErrorKind.UnsupportedVersion, versionAt, $"Format version {version} is not supported; this library reads versions {GraphFormat.Version} and {GraphFormat.PinnedVersion}.");
        return version;
    }

    private static string[] ReadLabels(GraphReader reader, out int[] offsets)
    {
        var count = reader.ReadCount("the label count", MinLabelBytes, GraphLimits.MaxLabels, GraphFormatErrorKind.TooLarge);
        var labels = new string[count];
        offsets = new int[count];
        for (var i = 0; i < count; i++)
        {
            var at = offsets[i] = reader.Position;
            labels[i] = reader.ReadName(Subject.Of("the name", "label", i));
            if (i > 0 && string.CompareOrdinal(labels[i - 1], labels[i]) >= 0)
                throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, at, $"Label '{labels[i]}' does not follow '{labels[i - 1]}' in ordinal order, or repeats it.");
        }
        return labels;
    }

    private static GraphTool[] ReadTools(GraphReader reader, string[] labels, int[] labelOffsets)
    {
        var count = reader.ReadCount("the tool count", MinToolBytes, GraphLimits.MaxTools, GraphFormatErrorKind.TooLarge);
        var tools = new GraphTool[count];
        var labelUsed = new bool[labels.Length];
        for (var i = 0; i < count; i++)
        {
            var at = reader.Position;
            tools[i] = ReadTool(reader, labels.Length);
            if (i > 0 && string.CompareOrdinal(tools[i - 1].Name, tools[i].Name) >= 0)
                throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, at, $"Tool '{tools[i].Name}' does not follow '{tools[i - 1].Name}' in ordinal order, or repeats it.");
            foreach (var label in tools[i].LabelArray)
                labelUsed[label] = true;
        }
        for (var label = 0; label < labels.Length; label++)
        {
            if (!labelUsed[label])
                throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, labelOffsets[label], $"Label '{labels[label]}' is carried by no tool.");
        }
        return tools;
    }

    private static GraphTool ReadTool(GraphReader reader, int labelCount)
    {
        var name = reader.ReadName("a tool name");
        var effectsAt = reader.Position;
        var effects = (ToolEffects)reader.ReadByte(Subject.Of("the effects", "tool", name));
        if ((effects & ~GraphFormat.KnownEffects) != 0)
            throw GraphReader.Fail(GraphFormatErrorKind.InvalidValue, effectsAt, $"Tool '{name}' has unknown effect bits 0x{(byte)(effects & ~GraphFormat.KnownEffects):x2}.");
        var origin = reader.ReadTrust(Subject.Of("the origin", "tool", name));
        var floorAt = reader.Position;
        var floorByte = reader.ReadByte(Subject.Of("the floor", "tool", name));
        if (floorByte > GraphFormat.MaxTrust + 1)
            throw GraphReader.Fail(GraphFormatErrorKind.InvalidValue, floorAt, $"The floor of tool '{name}' is {floorByte}; it must be 0 (none) or a trust level plus one (1 to {GraphFormat.MaxTrust + 1}).");
        Trust? floor = floorByte == GraphFormat.NoFloor ? null : (Trust)(floorByte - 1);
        var authorizerAt = reader.Position;
        var authorizer = reader.ReadTrust(Subject.Of("the authorizer", "tool", name));
        if (floor is null && authorizer != Trust.TrustedUser)
            throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, authorizerAt, $"Tool '{name}' has no floor, so its authorizer must be the default {Trust.TrustedUser}, not {authorizer}.");
        if ((effects & ToolEffects.ControlSink) != 0 && floor is null)
            throw GraphReader.Fail(GraphFormatErrorKind.InvalidGraph, floorAt, $"Tool '{name}' is a control sink without a floor; control sinks always have one.");
        var labelsAt = reader.Position;
        var labels = reader.ReadAscending(Subject.Of("a label index", "tool", name), labelCount, "label");
        if (((effects & ToolEffects.Sensitive) != 0) != (labels.Length > 0))
            throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, labelsAt, $"Tool '{name}' must have the sensitive effect exactly when it carries labels.");
        return new GraphTool(name, effects, labels, origin, floor, authorizer);
    }

    private static int[][] ReadFlows(GraphReader reader, string[] labels, GraphTool[] tools)
    {
        var flows = new int[labels.Length][];
        for (var label = 0; label < labels.Length; label++)
        {
            var at = reader.Position;
            flows[label] = reader.ReadAscending(Subject.Of("a flow target", "label", labels[label]), tools.Length, "tool");
            foreach (var tool in flows[label])
            {
                if (!tools[tool].IsFlowRestricted)
                    throw GraphReader.Fail(GraphFormatErrorKind.InvalidGraph, at, $"Label '{labels[label]}' flows to tool '{tools[tool].Name}', which is neither sink(external) nor egress.");
            }
        }
        return flows;
    }

    private static ToolPin[] ReadPins(GraphReader reader, GraphTool[] tools)
    {
        var countAt = reader.Position;
        var count = reader.ReadCount("the pin count", MinPinBytes, tools.Length, GraphFormatErrorKind.LengthOutOfRange);
        // Version 1 is the one encoding of a graph without pins.
        if (count == 0)
            throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, countAt, "A version 2 graph pins no tool; a graph without pins is encoded as version 1.");
        var pins = new ToolPin[count];
        for (var i = 0; i < count; i++)
        {
            var tool = reader.ReadNextAscending("a pinned tool", i == 0 ? -1 : pins[i - 1].ToolIndex, tools.Length, "tool");
            var hashAt = reader.Position;
            if (reader.Remaining < ToolPin.HashLength)
                throw GraphReader.Fail(GraphFormatErrorKind.Truncated, hashAt, $"The encoding ends inside the pin of tool '{tools[tool].Name}' ({reader.Remaining} of {ToolPin.HashLength} hash bytes).");
            pins[i] = new ToolPin(tool, tools[tool].Name, reader.ReadBytes(ToolPin.HashLength));
        }
        return pins;
    }

    private static int? ReadBudget(GraphReader reader) =>
        reader.ReadFlag("the budget flag") ? reader.ReadVarint("the budget") : null;

    private static PlanTable ReadAutomaton(GraphReader reader, int toolCount)
    {
        var countAt = reader.Position;
        var stateCount = reader.ReadCount("the state count", MinStateBytes, GraphLimits.MaxStates, GraphFormatErrorKind.TooLarge);
        if (stateCount == 0)
            throw GraphReader.Fail(GraphFormatErrorKind.InvalidGraph, countAt, "The plan automaton has no states; it needs at least the start state.");
        var accepting = new bool[stateCount];
        var start = new int[stateCount + 1];
        // Each transition takes at least two bytes, so the bytes left bound the lists without trusting a count.
        var capacity = Math.Min(reader.Remaining / MinTransitionBytes, GraphLimits.MaxTransitions);
        var tools = new List<int>(capacity);
        var targets = new List<int>(capacity);
        for (var state = 0; state < stateCount; state++)
        {
            accepting[state] = reader.ReadFlag(Subject.Of("the accepting flag", "state", state));
            start[state] = tools.Count;
            var rowAt = reader.Position;
            var rowLength = reader.ReadCount(Subject.Of("the transition count", "state", state), MinTransitionBytes, toolCount, GraphFormatErrorKind.LengthOutOfRange);
            if ((long)tools.Count + rowLength > GraphLimits.MaxTransitions)
                throw GraphReader.Fail(GraphFormatErrorKind.TooLarge, rowAt, $"The plan automaton has more than {GraphLimits.MaxTransitions} transitions.");
            for (var i = 0; i < rowLength; i++)
            {
                tools.Add(reader.ReadNextAscending(Subject.Of("a transition tool", "state", state), i == 0 ? -1 : tools[tools.Count - 1], toolCount, "tool"));
                var targetAt = reader.Position;
                var target = reader.ReadVarint(Subject.Of("a transition target", "state", state));
                if (target >= stateCount)
                    throw GraphReader.Fail(GraphFormatErrorKind.InvalidReference, targetAt, $"A transition of state {state} leads to state {target}, but there are only {stateCount}.");
                targets.Add(target);
            }
        }
        start[stateCount] = tools.Count;
        return new PlanTable(countAt, accepting, start, tools.ToArray(), targets.ToArray());
    }
}
