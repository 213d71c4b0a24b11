namespace Trajeckt.Replay;

/// <summary>The kind of a step of a recorded trace (docs/semantics.md, traces). Notes are not steps.</summary>
public enum TraceEventKind
{
    /// <summary><c>{"input": T}</c>: content of trust T entered the agent's context.</summary>
    Input,

    /// <summary><c>{"authorize": t, "by": T}</c>: an instruction of trust T authorizes one call of tool t.</summary>
    Authorize,

    /// <summary><c>{"call": t}</c>: the agent asks to call tool t.</summary>
    Call,
}
