using Trajeckt.Traj.Graph;

namespace Trajeckt.TestSupport.Reference;

/// <summary>
/// A deliberately naive model of docs/semantics.md: the outcome of every event is computed by
/// re-reading the whole history before it, with no incremental state at all. The frontier is found by
/// walking the plan from its start over every allowed call, taint and integrity by folding over the
/// history, pending authorizations by counting. Slow on purpose; it is the oracle the engine is
/// compared with.
/// </summary>
public static class ReferenceModel
{
    /// <summary>The outcome of every event of <paramref name="events"/>, in order.</summary>
    public static IReadOnlyList<ReferenceOutcome> Evaluate(ReferenceSession session, IReadOnlyList<ReferenceEvent> events)
    {
        var outcomes = new List<ReferenceOutcome>(events.Count);
        for (var i = 0; i < events.Count; i++)
            outcomes.Add(EvaluateAt(session, events, outcomes, i));
        return outcomes;
    }

    /// <summary>The outcome of event <paramref name="i"/>, given the outcomes of every event before it.</summary>
    public static ReferenceOutcome EvaluateAt(ReferenceSession session, IReadOnlyList<ReferenceEvent> events, IReadOnlyList<ReferenceOutcome> before, int i)
    {
        var step = i + 1;
        return events[i] switch
        {
            InputEvent => new ReferenceOutcome(step, true, null),
            AuthorizeEvent a => Authorization(session, a) ? new ReferenceOutcome(step, true, null) : new ReferenceOutcome(step, false, "authorization_rejected"),
            CallEvent c => Call(session, events, before, i, c) is { } code ? new ReferenceOutcome(step, false, code) : new ReferenceOutcome(step, true, null),
            _ => throw new ArgumentException("unknown event"),
        };
    }

    // authorize(t, by T): accepted iff t has a floor and T >= authorizer(t). Only a graph has floors.
    private static bool Authorization(ReferenceSession session, AuthorizeEvent a)
    {
        var graph = session.Graph;
        if (graph is null || !graph.TryGetToolIndex(a.Tool, out var t))
            return false;
        var tool = graph.Tools[t];
        return tool.Floor is not null && a.By >= tool.Authorizer;
    }

    private static string? Call(ReferenceSession session, IReadOnlyList<ReferenceEvent> events, IReadOnlyList<ReferenceOutcome> outcomes, int i, CallEvent call)
    {
        // 1. no verified graph (or an invalid seal)
        if (session.RefuseAllCode is { } refuseAll)
            return refuseAll;
        // 2. halted by an earlier refused call
        if (session.Halt && Enumerable.Range(0, i).Any(j => events[j] is CallEvent && !outcomes[j].Allowed))
            return "halted";
        var allowedBefore = Enumerable.Range(0, i).Where(j => events[j] is CallEvent && outcomes[j].Allowed).Select(j => (CallEvent)events[j]).ToList();

        if (session.HeuristicEffects is { } effects)
        {
            var mine = effects.GetValueOrDefault(call.Tool);
            bool Earlier(ToolEffects flag) => allowedBefore.Any(c => (effects.GetValueOrDefault(c.Tool) & flag) != 0);
            if ((mine & ToolEffects.ExternalSink) != 0 && Earlier(ToolEffects.Sensitive))
                return "heuristic";
            if ((mine & ToolEffects.Egress) != 0 && Earlier(ToolEffects.Shell))
                return "heuristic";
            return null;
        }

        var graph = session.Graph!;
        // 3. declared?
        if (!graph.TryGetToolIndex(call.Tool, out var t))
            return "unknown_tool";
        var tool = graph.Tools[t];
        // 4. budget
        if (graph.Budget is { } budget && allowedBefore.Count >= budget)
            return "budget";
        // 5. the allowed calls so far followed by t must be a prefix of a word of the plan
        var q = 0;
        foreach (var c in allowedBefore)
        {
            graph.TryGetToolIndex(c.Tool, out var ct);
            q = graph.GetTransition(q, ct);
        }
        if (graph.GetTransition(q, t) < 0)
            return "transition";
        // 6. flows
        if ((tool.Effects & (ToolEffects.ExternalSink | ToolEffects.Egress)) != 0)
        {
            foreach (var label in Taint(graph, allowedBefore))
            {
                if (!graph.TryGetLabelIndex(label, out var l) || !graph.FlowAllows(l, t))
                    return "flow";
            }
        }
        // 7. floor
        if (tool.Floor is { } floor && Integrity(graph, events, outcomes, i) < floor && Pending(graph, events, outcomes, i, call.Tool) == 0)
            return "floor";
        return null;
    }

    private static HashSet<string> Taint(CompiledGraph graph, List<CallEvent> allowedBefore)
    {
        var taint = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in allowedBefore)
        {
            graph.TryGetToolIndex(c.Tool, out var ct);
            foreach (var l in graph.Tools[ct].LabelIndices)
                taint.Add(graph.Labels[l]);
            foreach (var l in c.Labels ?? [])
                taint.Add(l);
        }
        return taint;
    }

    /// <summary>I before event i: the least of TrustedUser, every input, every allowed call's origin and reported origin.</summary>
    private static Trust Integrity(CompiledGraph graph, IReadOnlyList<ReferenceEvent> events, IReadOnlyList<ReferenceOutcome> outcomes, int i)
    {
        var integrity = Trust.TrustedUser;
        for (var j = 0; j < i; j++)
        {
            if (events[j] is InputEvent input)
                integrity = Min(integrity, input.Trust);
            else if (events[j] is CallEvent c && outcomes[j].Allowed)
            {
                graph.TryGetToolIndex(c.Tool, out var ct);
                integrity = Min(integrity, graph.Tools[ct].Origin);
                if (c.Origin is { } o)
                    integrity = Min(integrity, o);
            }
        }
        return integrity;
    }

    /// <summary>A[t] before event i: accepted authorizations minus allowed calls that passed the floor only through one.</summary>
    private static int Pending(CompiledGraph graph, IReadOnlyList<ReferenceEvent> events, IReadOnlyList<ReferenceOutcome> outcomes, int i, string tool)
    {
        graph.TryGetToolIndex(tool, out var t);
        var floor = graph.Tools[t].Floor;
        var pending = 0;
        for (var j = 0; j < i; j++)
        {
            if (events[j] is AuthorizeEvent a && a.Tool == tool && outcomes[j].Allowed)
                pending++;
            else if (events[j] is CallEvent c && c.Tool == tool && outcomes[j].Allowed && floor is { } f && Integrity(graph, events, outcomes, j) < f)
                pending--;
        }
        return pending;
    }

    private static Trust Min(Trust a, Trust b) => a < b ? a : b;
}
