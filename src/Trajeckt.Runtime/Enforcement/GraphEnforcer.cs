using System.Numerics;
using System.Text;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Enforcement;

/// <summary>
/// Enforces a committed graph (docs/semantics.md, checks 3 to 7) with constant work per call: the
/// frontier is one state, taint a bitset, integrity one trust level, authorizations one count per
/// floored tool. Provenance (which call introduced a label or lowered integrity) is kept only to
/// explain refusals.
/// </summary>
internal sealed partial class GraphEnforcer : SessionEnforcer
{
    private const int MaxNamesInMessage = 5;

    // A tool index that names no tool: the source of an input, or of a label nobody attributed.
    private const int NoSource = -1;

    // An idle session holds only the fields below and no array unless the graph has more than 64
    // labels: provenance (which call introduced a label or lowered integrity, only to explain refusals)
    // and pending authorizations are allocated when first needed, so a million idle sessions cost
    // what their state needs (issue 13).
    private readonly EnforcementTables _tables;
    private readonly ulong[] _taintHigh;
    private int[]? _pending;
    private Provenance? _provenance;

    private int _state;
    private Trust _integrity = Trust.TrustedUser;
    private bool _hasUnknownLabel;
    private long _allowed;
    private ulong _taintLow;

    public GraphEnforcer(Commitment commitment)
        : base(DecisionReason.None)
    {
        _tables = commitment.Tables;
        _taintHigh = _tables.HighWords == 0 ? [] : new ulong[_tables.HighWords];
    }

    /// <summary>The commitment this enforcer decides with.</summary>
    public Commitment Commitment => _tables.Commitment;

    public override string Mode => $"enforcing trajectory '{Commitment.Name}' ({Commitment.Digest})";

    public override DecisionReason Decide(string? name, int indexHint, long step, out int toolIndex, out string? toolName)
    {
        var tool = Resolve(name, indexHint);
        toolIndex = tool;
        if (tool < 0)
        {
            toolName = name;
            return DecisionReason.UnknownTool;
        }
        ref readonly var row = ref _tables.Tools[tool];
        toolName = row.Name;
        if (_allowed >= _tables.Budget)
            return DecisionReason.Budget;
        var next = _tables.Next(_state, tool);
        if (next < 0)
            return DecisionReason.Transition;
        if (row.IsFlowRestricted && TaintLeaksTo(tool, in row))
            return DecisionReason.Flow;
        var usesAuthorization = row.HasFloor && _integrity < row.Floor;
        if (usesAuthorization && (_pending is null || _pending[row.FloorSlot] == 0))
            return DecisionReason.Floor;

        _state = next;
        _allowed++;
        if (usesAuthorization)
            _pending![row.FloorSlot]--;
        var why = Why;
        why.LastTool = tool;
        why.LastStep = step;
        // Declared effects are committed with the decision, so a concurrent call can never be checked
        // against a taint or integrity that misses an already allowed read.
        if (row.HasLabels)
            AddDeclaredLabels(tool, in row, step);
        if (row.Origin < _integrity)
            LowerIntegrity(row.Origin, tool, step);
        return DecisionReason.None;
    }

    public override void ApplyReported(string? toolName, long step, Trust? origin, IReadOnlyList<string>? labels)
    {
        var source = Resolve(toolName, -1);
        if (origin is { } reported && Sanitize(reported) is var trust && trust < _integrity)
            LowerIntegrity(trust, source, step);
        if (labels is null)
            return;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (label is not null && _tables.Graph.TryGetLabelIndex(label, out var index))
                AddLabel(index, source, step, reported: true);
            else
                AddUnknownLabel(label ?? "(null)", source, step);
        }
    }

    public override void ApplyShadowed(int toolIndex, string? toolName, long step)
    {
        if (toolIndex < 0)
        {
            AssumeWorstOutput(toolName, step);
            return;
        }
        ref readonly var row = ref _tables.Tools[toolIndex];
        if (row.HasLabels)
            AddDeclaredLabels(toolIndex, in row, step);
        if (row.Origin < _integrity)
            LowerIntegrity(row.Origin, toolIndex, step);
    }

    public override void AssumeWorstOutput(string? toolName, long step)
    {
        var source = Resolve(toolName, -1);
        LowerIntegrity(Trust.Untrusted, source, step);
        AddUnknownLabel("(unrecorded output)", source, step);
    }

    public override bool Authorize(string? tool, Trust by, out string? toolName, out string message)
    {
        var index = Resolve(tool, -1);
        if (index < 0)
        {
            toolName = tool;
            message = $"authorization rejected: {Describe(tool)} is not a declared tool of trajectory '{Commitment.Name}'.";
            return false;
        }
        ref readonly var row = ref _tables.Tools[index];
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
        _pending ??= new int[_tables.FlooredToolCount];
        var pending = ++_pending[row.FloorSlot];
        message = $"authorization accepted: {row.Name} may run below its floor {row.Floor} {pending} more time{(pending == 1 ? "" : "s")}.";
        return true;
    }

    public override void ObserveInput(Trust trust, long step)
    {
        trust = Sanitize(trust);
        if (trust < _integrity)
            LowerIntegrity(trust, NoSource, step);
    }

    public override string DescribeRefusal(DecisionReason reason, string? name, int toolIndex, long step) => reason switch
    {
        DecisionReason.UnknownTool => $"unknown_tool: {Describe(name)} is not a declared tool of trajectory '{Commitment.Name}'.",
        DecisionReason.Budget => $"budget: {_tables.Tools[toolIndex].Name} would exceed the budget of {_tables.Budget} calls at step {step}.",
        DecisionReason.Transition => DescribeTransition(toolIndex),
        DecisionReason.Flow => DescribeFlow(toolIndex),
        DecisionReason.Floor => DescribeFloor(toolIndex),
        _ => $"{ReasonCodes.ToCode(reason)}: {Describe(name)} is refused at step {step}.",
    };

    private int Resolve(string? name, int indexHint)
    {
        // A handle's index is trusted only when its name matches this graph's tool at that index.
        var rows = _tables.Tools;
        if ((uint)indexHint < (uint)rows.Length && string.Equals(rows[indexHint].Name, name, StringComparison.Ordinal))
            return indexHint;
        return name is not null && _tables.Graph.TryGetToolIndex(name, out var index) ? index : -1;
    }

    private bool TaintLeaksTo(int tool, in ToolRow row)
    {
        if ((_taintLow & ~row.FlowLow) != 0 || _hasUnknownLabel)
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
            AddLabel(BitOperations.TrailingZeroCount(fresh), tool, step, reported: false);
            fresh &= fresh - 1;
        }
        var high = _tables.HighWords;
        for (var w = 0; w < high; w++)
        {
            fresh = _tables.SensitiveHigh[(tool * high) + w] & ~_taintHigh[w];
            while (fresh != 0)
            {
                AddLabel(((w + 1) << 6) + BitOperations.TrailingZeroCount(fresh), tool, step, reported: false);
                fresh &= fresh - 1;
            }
        }
    }

    private void AddLabel(int label, int source, long step, bool reported)
    {
        ref var word = ref label < 64 ? ref _taintLow : ref _taintHigh[(label >> 6) - 1];
        var bit = 1UL << (label & 63);
        if ((word & bit) != 0)
            return;
        word |= bit;
        var why = Why;
        why.LabelOrigins ??= new LabelOrigin[_tables.LabelCount];
        why.LabelOrigins[label] = new LabelOrigin(source, step, reported);
    }

    private void AddUnknownLabel(string label, int source, long step)
    {
        // One undeclared label already blocks every flow-restricted tool; the first one explains it.
        if (_hasUnknownLabel)
            return;
        _hasUnknownLabel = true;
        Why.UnknownLabel = new UnknownLabel(label, source, step);
    }

    private void LowerIntegrity(Trust trust, int source, long step)
    {
        _integrity = trust;
        var why = Why;
        why.IntegritySource = source;
        why.IntegrityStep = step;
    }

    /// <summary>The provenance to write to, created by the first change that has one.</summary>
    private Provenance Why => _provenance ??= new Provenance();

    /// <summary>The provenance to read: an empty one while nothing was recorded.</summary>
    private Provenance Seen => _provenance ?? Provenance.None;

    private string SourceName(int source) => source == NoSource ? "(unknown)" : _tables.Tools[source].Name;

    private string DescribeTransition(int tool)
    {
        var name = _tables.Tools[tool].Name;
        var seen = Seen;
        var after = seen.LastTool == NoSource ? "as the first call" : $"after {SourceName(seen.LastTool)} (step {seen.LastStep})";
        var next = new StringBuilder();
        var count = 0;
        foreach (var (nextTool, _) in _tables.Graph.GetTransitions(_state))
        {
            if (count++ == MaxNamesInMessage)
            {
                next.Append(", ...");
                break;
            }
            next.Append(count == 1 ? "" : ", ").Append(_tables.Tools[nextTool].Name);
        }
        var allowed = count == 0 ? "the plan allows no further call" : $"the plan allows next: {next}";
        return $"transition: the plan does not allow {name} {after}; {allowed}.";
    }

    private string DescribeFlow(int tool)
    {
        ref readonly var row = ref _tables.Tools[tool];
        var sink = row.IsExternalSink ? "external sink" : "egress tool";
        for (var label = 0; label < _tables.LabelCount; label++)
        {
            if (InTaint(label) && !_tables.Graph.FlowAllows(label, tool))
            {
                var origin = Seen.LabelOrigins![label];
                var how = origin.Reported ? "reported by" : "read by";
                return $"flow: label '{_tables.Graph.LabelArray[label]}' ({how} {SourceName(origin.Source)} at step {origin.Step}) may not reach {sink} {row.Name}";
            }
        }
        var unknown = Seen.UnknownLabel!;
        return $"flow: label '{unknown.Label}' (reported by {SourceName(unknown.Source)} at step {unknown.Step}, declared by no tool) may not reach {sink} {row.Name}";
    }

    private string DescribeFloor(int tool)
    {
        ref readonly var row = ref _tables.Tools[tool];
        var seen = Seen;
        var cause = seen.IntegritySource == NoSource ? "an input" : SourceName(seen.IntegritySource);
        return $"floor: {row.Name} requires integrity {row.Floor}, but the session's integrity is {_integrity} (lowered by {cause} at step {seen.IntegrityStep}) and no authorization for {row.Name} is pending";
    }

    private bool InTaint(int label) =>
        ((label < 64 ? _taintLow : _taintHigh[(label >> 6) - 1]) & (1UL << (label & 63))) != 0;

    /// <summary>Which calls changed the state, for refusal messages only: no decision reads it.</summary>
    private sealed class Provenance
    {
        public static readonly Provenance None = new();

        public int IntegritySource = NoSource;
        public long IntegrityStep;
        public int LastTool = NoSource;
        public long LastStep;
        public LabelOrigin[]? LabelOrigins;
        public UnknownLabel? UnknownLabel;
    }

    /// <summary>Which call put a label into the taint, for refusal messages.</summary>
    private readonly record struct LabelOrigin(int Source, long Step, bool Reported);

    /// <summary>The first label a tool reported that no tool declares; it blocks every flow-restricted tool.</summary>
    private sealed record UnknownLabel(string Label, int Source, long Step);
}
