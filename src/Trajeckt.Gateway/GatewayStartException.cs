namespace Trajeckt.Gateway;

/// <summary>The gateway cannot start: its configuration is invalid, an upstream is unreachable, or the commitment does not load.</summary>
public sealed class GatewayStartException : Exception
{
    /// <summary>Creates the exception from one problem.</summary>
    /// <param name="message">What is wrong, naming the setting or upstream.</param>
    public GatewayStartException(string message)
        : this(new[] { message })
    {
    }

    /// <summary>Creates the exception from several problems.</summary>
    /// <param name="problems">What is wrong, each naming its setting or upstream.</param>
    public GatewayStartException(IReadOnlyList<string> problems)
        : base("The Trajeckt gateway cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>Each problem, naming its setting or upstream.</summary>
    public IReadOnlyList<string> Problems { get; }
}
