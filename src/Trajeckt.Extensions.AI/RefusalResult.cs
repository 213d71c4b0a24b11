namespace Trajeckt.Extensions.AI;

/// <summary>The function result a refused call returns to the model in place of the tool's output.</summary>
public static class RefusalResult
{
    /// <summary>The text every refusal result starts with.</summary>
    public const string Prefix = "Refused by the Trajeckt policy: ";

    /// <summary>Formats a refused decision as a function result: <see cref="Prefix"/> followed by the decision's message.</summary>
    /// <param name="decision">The refused decision.</param>
    /// <returns>For example <c>Refused by the Trajeckt policy: flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="decision"/> allows the call.</exception>
    public static string For(Decision decision)
    {
        if (decision.IsAllowed)
            throw new ArgumentException("The decision allows the call; only a refusal has a refusal result.", nameof(decision));
        return Prefix + (decision.Message ?? decision.Code);
    }
}
