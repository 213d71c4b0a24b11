using SupportAgent;
using Trajeckt;

// Debug builds are signed with the per-user development key (made on the first build): trust it here, and
// nothing else. A production app trusts its operator's public key instead (TrajecktOptions.TrustedKeys).
var options = new TrajecktOptions { TrustDevelopmentKeys = true };
var style = ConsoleStyle.ForConsole();
try
{
    var realModel = OpenAIModel.FromEnvironment(out var modelDescription);
    Console.WriteLine(style.Heading("Trajeckt support agent") + style.Quiet($" (model: {modelDescription})"));
    var support = TrajecktGraphs.Support.BeginSession(options);
    var automation = TrajecktGraphs.OfficeAutomation.BeginSession(options);
    await new SupportAgentDemo(Console.Out, style).RunAsync(support, automation, phase => realModel ?? new ScriptedModel(phase.Script));
    return support.Commitment is null || automation.Commitment is null ? 1 : 0;
}
catch (Exception e) when (e is ArgumentException or System.ClientModel.ClientResultException or HttpRequestException)
{
    // A configuration or endpoint problem: say what it is, without a stack trace.
    Console.Error.WriteLine($"support agent: {e.Message}");
    return 2;
}
