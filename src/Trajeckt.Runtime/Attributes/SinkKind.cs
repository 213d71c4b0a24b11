namespace Trajeckt;

/// <summary>The kind of sink a tool writes to.</summary>
public enum SinkKind
{
    /// <summary><c>sink(external)</c>: data leaves the trust boundary (mail, HTTP posts, uploads).</summary>
    External,

    /// <summary><c>sink(control)</c>: the tool writes something that later steers the agent (memory, rules, schedules, configuration, prompts).</summary>
    Control,
}
