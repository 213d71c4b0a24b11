using SupportAgent;
using Trajeckt;

// Debug builds are signed with the per-user development key (made on the first build): trust it here, and
// nothing else. A production app trusts its operator's public key instead (TrajecktOptions.TrustedKeys).
var options = new TrajecktOptions { TrustDevelopmentKeys = true };
var style = ConsoleStyle.ForConsole();
try
{
    // The rollout's first step (docs/rollout.md): ordinary conversations in shadow mode, with a decision log.
    if (ShadowRun.TryParse(args, out var folder))
    {
        return await new ShadowRun(Console.Out, style).RunAsync(folder,
            log => TrajecktGraphs.Support.BeginSession(new TrajecktOptions { TrustDevelopmentKeys = true, Shadow = true, DecisionLog = log }));
    }
    var realModel = OpenAIModel.FromEnvironment(out var modelDescription);
    Console.WriteLine(style.Heading("Trajeckt support agent") + style.Quiet($" (model: {modelDescription})"));
    using var support = TrajecktGraphs.Support.BeginSession(options);
    using var automation = TrajecktGraphs.OfficeAutomation.BeginSession(options);
    await new SupportAgentDemo(Console.Out, style).RunAsync(support, automation, phase => realModel ?? new ScriptedModel(phase.Script));
    return support.Commitment is null || automation.Commitment is null ? 1 : 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"support agent: {e.Message}");
    return 2;
}
catch (Exception e) when (EndpointFailure.Describe(e) is { } failure)
{
    // The real model could not be reached or refused the request: say so, without a stack trace.
    Console.Error.WriteLine($"support agent: the model endpoint failed: {failure}");
    return 2;
}
