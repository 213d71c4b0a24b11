using System.Numerics;
using System.Text;

namespace Trajeckt.Enforcement;

/// <summary>
/// Enforces a committed graph (docs/semantics.md, checks 3 to 7) with constant work per call: the
/// frontier is one state, taint a bitset, integrity one trust level, authorizations one count per
/// floored tool. Provenance (which call introduced a label or lowered integrity) is kept only to
/// explain refusals.
/// </summary>
internal sealed class GraphEnforcer : SessionEnforcer
{
    private const int MaxNamesInMessage = 5;

    private readonly Commitment _commitment;
    private readonly EnforcementTables _tables;
    private readonly ToolRow[] _rows;
    private readonly long _budget;
    private readonly int[] _pending;
    private readonly ulong[] _taintHigh;
    private readonly string[] _labelSource;
    private readonly long[] _labelStep;
    private readonly bool[] _labelReported;

    private int _state;
    private long _allowed;
    private ulong _taintLow;
    private Trust _integrity = Trust.TrustedUser;
    private string? _integritySource;
    private long _integrityStep;
    private string? _lastTool;
    private long _lastStep;
    private string? _unknownLabel;
    private string? _unknownLabelSource;
    private long _unknownLabelStep;

    public GraphEnforcer(Commitment commitment)
        : base(DecisionReason.None)
    {
        _commitment = commitment;
        _tables = commitment.Tables;
        _rows = _tables.Tools;
        _budget = commitment.Graph.Budget ?? long.MaxValue;
        _pending = new int[_tables.FlooredToolCount];
        _taintHigh = new ulong[_tables.HighWords];
        _labelSource = new string[_tables.LabelCount];
        _labelStep = new long[_tables.LabelCount];
        _labelReported = new bool[_tables.LabelCount];
    }

    public override DecisionReason Decide(string? name, int indexHint, long step, out int toolIndex, out string? toolName)
    {
        var tool = Resolve(name, indexHint);
        toolIndex = tool;
        if (tool < 0)
        {
            toolName = name;
            return DecisionReason.UnknownTool;
        }
        ref readonly var row = ref _rows[tool];
        toolName = row.Name;
        if (_allowed >= _budget)
            return DecisionReason.Budget;
        var next = _tables.Next(_state, tool);
        if (next < 0)
            return DecisionReason.Transition;
        if (row.IsFlowRestricted && TaintLeaksTo(tool, in row))
            return DecisionReason.Flow;
        var usesAuthorization = row.HasFloor && _integrity < row.Floor;
        if (usesAuthorization && _pending[row.FloorSlot] == 0)
            return DecisionReason.Floor;

        _state = next;
        _allowed++;
        if (usesAuthorization)
            _pending[row.FloorSlot]--;
        _lastTool = row.Name;
        _lastStep = step;
        // Declared effects are committed with the decision, so a concurrent call can never be checked
        // against a taint or integrity that misses an already allowed read.
        if (row.HasLabels)
            AddDeclaredLabels(tool, in row, step);
        if (row.Origin < _integrity)
            LowerIntegrity(row.Origin, row.Name, step);
        return DecisionReason.None;
    }

    public override void ApplyReported(string? toolName, long step, Trust? origin, IReadOnlyList<string>? labels)
    {
        if (origin is { } reported && Sanitize(reported) is var trust && trust < _integrity)
            LowerIntegrity(trust, toolName, step);
        if (labels is null)
            return;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (label is not null && _commitment.Graph.TryGetLabelIndex(label, out var index))
                AddLabel(index, toolName, step, reported: true);
            else
                AddUnknownLabel(label ?? "(null)", toolName, step);
        }
    }

    public override void ApplyShadowed(int toolIndex, string? toolName, long step)
    {
        if (toolIndex < 0)
        {
            AssumeWorstOutput(toolName, step);
            return;
        }
        ref readonly var row = ref _rows[toolIndex];
        if (row.HasLabels)
            AddDeclaredLabels(toolIndex, in row, step);
        if (row.Origin < _integrity)
            LowerIntegrity(row.Origin, row.Name, step);
    }

    public override void AssumeWorstOutput(string? toolName, long step)
    {
        LowerIntegrity(Trust.Untrusted, toolName, step);
        AddUnknownLabel("(unrecorded output)", toolName, step);
    }

    public override bool Authorize(string? tool, Trust by, out string? toolName, out string message)
    {
        var index = Resolve(tool, -1);
        if (index < 0)
        {
            toolName = tool;
            message = $"authorization rejected: {Describe(tool)} is not a declared tool of trajectory '{_commitment.Name}'.";
            return false;
        }
        ref readonly var row = ref _rows[index];
        toolName = row.Name;
        if (!row.HasFloor)
        {
            message = $"authorization rejected: {row.Name} has no floor, so there is nothing to authorize.";
            return false;
        }
        if (by > Trust.TrustedUser)
        {
            message = $"authorization rejected: {(int)by} is not a trust level.";
            return false;
        }
        if (by < row.Authorizer)
        {
            message = $"authorization rejected: {row.Name} may be authorized only by {row.Authorizer} or higher, not by {by}.";
            return false;
        }
        var pending = ++_pending[row.FloorSlot];
        message = $"authorization accepted: {row.Name} may run below its floor {row.Floor} {pending} more time{(pending == 1 ? "" : "s")}.";
        return true;
    }

    public override void ObserveInput(Trust trust, long step)
    {
        trust = Sanitize(trust);
        if (trust < _integrity)
            LowerIntegrity(trust, null, step);
    }

    public override string DescribeRefusal(DecisionReason reason, string? name, int toolIndex, long step) => reason switch
    {
        DecisionReason.UnknownTool => $"unknown_tool: {Describe(name)} is not a declared tool of trajectory '{_commitment.Name}'.",
        DecisionReason.Budget => $"budget: {_rows[toolIndex].Name} would exceed the budget of {_budget} calls at step {step}.",
        DecisionReason.Transition => DescribeTransition(toolIndex),
        DecisionReason.Flow => DescribeFlow(toolIndex),
        DecisionReason.Floor => DescribeFloor(toolIndex),
        _ => $"{ReasonCodes.ToCode(reason)}: {Describe(name)} is refused at step {step}.",
    };

    private int Resolve(string? name, int indexHint)
    {
        // A handle's index is trusted only when its name matches this graph's tool at that index.
        if ((uint)indexHint < (uint)_rows.Length && string.Equals(_rows[indexHint].Name, name, StringComparison.Ordinal))
            return indexHint;
        return name is not null && _commitment.Graph.TryGetToolIndex(name, out var index) ? index : -1;
    }

    private bool TaintLeaksTo(int tool, in ToolRow row)
    {
        if ((_taintLow & ~row.FlowLow) != 0 || _unknownLabel is not null)
            return true;
        var high = _tables.HighWords;
        for (var w = 0; w < high; w++)
        {
            if ((_taintHigh[w] & ~_tables.FlowHigh[(tool * high) + w]) != 0)
                return true;
        }
        return false;
    }

    private void AddDeclaredLabels(int tool, in ToolRow row, long step)
    {
        var fresh = row.SensitiveLow & ~_taintLow;
        while (fresh != 0)
        {
            AddLabel(BitOperations.TrailingZeroCount(fresh), row.Name, step, reported: false);
            fresh &= fresh - 1;
        }
        var high = _tables.HighWords;
        for (var w = 0; w < high; w++)
        {
            fresh = _tables.SensitiveHigh[(tool * high) + w] & ~_taintHigh[w];
            while (fresh != 0)
            {
                AddLabel(((w + 1) << 6) + BitOperations.TrailingZeroCount(fresh), row.Name, step, reported: false);
                fresh &= fresh - 1;
            }
        }
    }

    private void AddLabel(int label, string? source, long step, bool reported)
    {
        ref var word = ref label < 64 ? ref _taintLow : ref _taintHigh[(label >> 6) - 1];
        var bit = 1UL << (label & 63);
        if ((word & bit) != 0)
            return;
        word |= bit;
        _labelSource[label] = source ?? "(unknown)";
        _labelStep[label] = step;
        _labelReported[label] = reported;
    }

    private void AddUnknownLabel(string label, string? source, long step)
    {
        // One undeclared label already blocks every flow-restricted tool; the first one explains it.
        if (_unknownLabel is not null)
            return;
        _unknownLabel = label;
        _unknownLabelSource = source;
        _unknownLabelStep = step;
    }

    private void LowerIntegrity(Trust trust, string? source, long step)
    {
        _integrity = trust;
        _integritySource = source;
        _integrityStep = step;
    }

    private string DescribeTransition(int tool)
    {
        var name = _rows[tool].Name;
        var after = _lastTool is null ? "as the first call" : $"after {_lastTool} (step {_lastStep})";
        var next = new StringBuilder();
        var count = 0;
        foreach (var (nextTool, _) in _commitment.Graph.GetTransitions(_state))
        {
            if (count++ == MaxNamesInMessage)
            {
                next.Append(", ...");
                break;
            }
            next.Append(count == 1 ? "" : ", ").Append(_rows[nextTool].Name);
        }
        var allowed = count == 0 ? "the plan allows no further call" : $"the plan allows next: {next}";
        return $"transition: the plan does not allow {name} {after}; {allowed}.";
    }

    private string DescribeFlow(int tool)
    {
        ref readonly var row = ref _rows[tool];
        var sink = row.IsExternalSink ? "external sink" : "egress tool";
        for (var label = 0; label < _tables.LabelCount; label++)
        {
            if (InTaint(label) && !_commitment.Graph.FlowAllows(label, tool))
            {
                var how = _labelReported[label] ? "reported by" : "read by";
                return $"flow: label '{_commitment.Graph.LabelArray[label]}' ({how} {_labelSource[label]} at step {_labelStep[label]}) may not reach {sink} {row.Name}";
            }
        }
        return $"flow: label '{_unknownLabel}' (reported by {_unknownLabelSource ?? "(unknown)"} at step {_unknownLabelStep}, declared by no tool) may not reach {sink} {row.Name}";
    }

    private string DescribeFloor(int tool)
    {
        ref readonly var row = ref _rows[tool];
        var cause = _integritySource is null ? "an input" : _integritySource;
        return $"floor: {row.Name} requires integrity {row.Floor}, but the session's integrity is {_integrity} (lowered by {cause} at step {_integrityStep}) and no authorization for {row.Name} is pending";
    }

    private bool InTaint(int label) =>
        ((label < 64 ? _taintLow : _taintHigh[(label >> 6) - 1]) & (1UL << (label & 63))) != 0;
}
