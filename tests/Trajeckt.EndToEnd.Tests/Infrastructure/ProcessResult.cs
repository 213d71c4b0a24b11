namespace Trajeckt.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished process printed (standard output and error interleaved) and its exit code.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    /// <summary>Fails the test with the whole output when the process did not exit 0.</summary>
    public ProcessResult AssertSucceeded()
    {
        Assert.True(ExitCode == 0, $"'{Command}' exited {ExitCode}:\n{Output}");
        return this;
    }

    /// <summary>The lines the process printed.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>The one line that starts with <paramref name="prefix"/>.</summary>
    public string Line(string prefix)
    {
        var matches = Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one line starting '{prefix}' in the output of '{Command}':\n{Output}");
        return matches[0];
    }
}
