namespace Trajeckt.TestSupport.Reference;

/// <summary>One event of a session's history, as docs/semantics.md names them.</summary>
public abstract record ReferenceEvent;

/// <summary><c>input(T)</c>: content of trust T entered the agent's context.</summary>
public sealed record InputEvent(Trust Trust) : ReferenceEvent;

/// <summary><c>authorize(t, by T)</c>.</summary>
public sealed record AuthorizeEvent(string Tool, Trust By) : ReferenceEvent;

/// <summary><c>call(t [, origin O] [, labels M])</c>; origin and labels are what the tool reported.</summary>
public sealed record CallEvent(string Tool, Trust? Origin = null, IReadOnlyList<string>? Labels = null) : ReferenceEvent
{
    public override string ToString() =>
        $"call {Tool}" + (Origin is { } o ? $" origin {o}" : "") + (Labels is { Count: > 0 } l ? $" labels [{string.Join(",", l)}]" : "");
}
