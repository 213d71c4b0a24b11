using Microsoft.Extensions.AI;
using Trajeckt.Extensions.AI.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>A function made from a [Tool] method is decided as that tool, whatever the function is called.</summary>
public sealed class ToolNameTests
{
    private int _ran;

    [Fact]
    public async Task A_function_from_a_Tool_method_is_decided_by_the_attributes_tool_name()
    {
        var session = TestSessions.Support();
        var readCustomer = AIFunctionFactory.Create(typeof(ToolNameTests).GetMethod(nameof(LookUpCustomer))!, this);
        var model = new ScriptedChatClient(Calls(("c1", readCustomer.Name)), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session).GetResponseAsync(Pipelines.Ask("look up"), Pipelines.With(readCustomer));

        Assert.Equal(nameof(LookUpCustomer), readCustomer.Name);
        Assert.Equal(1, _ran);
        Assert.Equal("read_customer", Assert.Single(session.GetRecentDecisions()).ToolName);
    }

    [Tool("read_customer"), SensitiveRead("customer-pii")]
    public string LookUpCustomer()
    {
        _ran++;
        return "Ada";
    }
}
