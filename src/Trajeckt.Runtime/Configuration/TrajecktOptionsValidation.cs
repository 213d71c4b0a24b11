namespace Trajeckt.Configuration;

/// <summary>The rules a <see cref="TrajecktOptions"/> must satisfy, shared by session creation and the options validator.</summary>
internal static class TrajecktOptionsValidation
{
    public static List<string> GetErrors(TrajecktOptions options)
    {
        var errors = new List<string>();
        if (options.RequireCommitment && options.AllowUncommitted)
        {
            errors.Add(
                "Trajeckt options are contradictory: RequireCommitment = true and AllowUncommitted = true. "
                + "Set RequireCommitment = false to allow uncommitted (heuristic) sessions, or AllowUncommitted = false to require a commitment.");
        }
        if (!Enum.IsDefined(options.OnViolation))
            errors.Add($"Trajeckt option OnViolation = {(int)options.OnViolation} is not one of Refuse, Halt.");
        if (options.TrustedKeys is null)
        {
            errors.Add("Trajeckt option TrustedKeys is null; use an empty list for no keys.");
        }
        else
        {
            for (var i = 0; i < options.TrustedKeys.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(options.TrustedKeys[i]))
                    errors.Add($"Trajeckt option TrustedKeys[{i}] is empty.");
            }
        }
        return errors;
    }

    /// <summary>Throws when the options break a rule, with every broken rule in the message.</summary>
    public static void ThrowIfInvalid(TrajecktOptions options, string paramName)
    {
        var errors = GetErrors(options);
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(" ", errors), paramName);
    }
}
