namespace Trajeckt.Analyzers.Order;

/// <summary>What the paths reaching one tool call found under one trajectory.</summary>
internal sealed class CallVerdict
{
    /// <summary>Some path reaching the call refuses it (under every hypothesis of that path).</summary>
    public bool RefusedOnSomePath { get; set; }

    /// <summary>Some path reaching the call allows it under at least one hypothesis.</summary>
    public bool AllowedOnSomePath { get; set; }

    /// <summary>Why the first refusing path refuses it.</summary>
    public string? Reason { get; set; }
}
