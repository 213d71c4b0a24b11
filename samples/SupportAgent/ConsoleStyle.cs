namespace SupportAgent;

/// <summary>ANSI colours for the decision log, only where a terminal shows them and NO_COLOR (no-color.org) is not set.</summary>
internal sealed class ConsoleStyle
{
    private ConsoleStyle(bool enabled) => Enabled = enabled;

    public static ConsoleStyle Plain { get; } = new(enabled: false);

    public bool Enabled { get; }

    public static ConsoleStyle ForConsole() =>
        new(!Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb");

    public string Allowed(string text) => Paint("32", text);

    public string Refused(string text) => Paint("1;31", text);

    public string Approval(string text) => Paint("33", text);

    public string Heading(string text) => Paint("1;36", text);

    public string Quiet(string text) => Paint("2", text);

    private string Paint(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
