using Microsoft.SemanticKernel;
using Trajeckt.SemanticKernel.Tests.Infrastructure;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>Which tool of the policy a kernel function is decided as.</summary>
public sealed class ToolNameTests
{
    private readonly List<string> _ran = [];

    [Fact]
    public async Task A_bare_Tool_method_is_the_tool_of_its_method_name_whatever_the_function_is_called()
    {
        var session = TestSessions.Support();
        var kernel = new Kernel().UseTrajeckt(session);
        var function = KernelFunctionFactory.CreateFromMethod(read_ticket, "show_ticket");

        await kernel.InvokeAsync(function);

        Assert.Equal(["read_ticket"], _ran);
        Assert.Equal("read_ticket", Assert.Single(session.GetRecentDecisions()).ToolName);
    }

    [Fact]
    public async Task A_function_without_Tool_is_the_tool_of_its_own_name_without_its_plugin()
    {
        var session = TestSessions.Support();
        var kernel = new Kernel().UseTrajeckt(session);
        kernel.Plugins.AddFromFunctions("Mail", [KernelFunctionFactory.CreateFromMethod(() => _ran.Add("send"), "send_email")]);

        await kernel.InvokeAsync("Mail", "send_email");

        Assert.Equal(["send"], _ran);
        Assert.Equal("send_email", Assert.Single(session.GetRecentDecisions()).ToolName);
    }

    [Tool]
    private string read_ticket()
    {
        _ran.Add("read_ticket");
        return "ticket 7";
    }
}
