namespace Trajeckt;

/// <summary>
/// The origin-trust lattice, in ascending order. Integrity is the lowest trust of anything that
/// entered an agent's context; floors and authorizations compare against it.
/// </summary>
public enum Trust : byte
{
    /// <summary>Content from an unknown or adversarial source (web pages, inbound mail, downloads).</summary>
    Untrusted = 0,

    /// <summary>Content read back from durable agent memory, which earlier untrusted content may have written.</summary>
    Memory = 1,

    /// <summary>Content from an external system that is not adversarial by default.</summary>
    External = 2,

    /// <summary>The default origin of a tool's output.</summary>
    ToolOutput = 3,

    /// <summary>Content from the operator's own, clean workspace.</summary>
    CleanWorkspace = 4,

    /// <summary>An instruction typed by the trusted user. A session's integrity starts here.</summary>
    TrustedUser = 5,
}
