using Trajeckt.Cli;

namespace Trajeckt.Cli.Tests;

/// <summary>Runs the <c>trajeckt</c> command line in process and captures what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>No stack trace ever reaches the user.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Output + Error);
        Assert.DoesNotContain("Exception", Output + Error);
    }
}
