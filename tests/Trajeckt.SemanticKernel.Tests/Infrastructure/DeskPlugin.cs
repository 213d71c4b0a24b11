using System.Collections.Concurrent;
using Microsoft.SemanticKernel;

namespace Trajeckt.SemanticKernel.Tests.Infrastructure;

/// <summary>Kernel functions named after the policy's tools (some through [Tool]) that record whether they ran.</summary>
internal sealed class DeskPlugin
{
    public const string Name = "Desk";

    public ConcurrentQueue<string> Ran { get; } = new();

    [KernelFunction("read_customer")]
    public string ReadCustomer() => Record("read_customer", "Ada, ada@example.com");

    [KernelFunction("send_email")]
    public string SendEmail() => Record("send_email", "sent");

    // The kernel function's name is not the tool's: [Tool] says which tool it is.
    [KernelFunction("lookup"), Tool("read_ticket")]
    public string Lookup() => Record("read_ticket", "ticket 7: printer on fire");

    [KernelFunction("fetch_url")]
    public string FetchUrl()
    {
        Record("fetch_url", "");
        throw new HttpRequestException("the host did not answer");
    }

    [KernelFunction("save_memory")]
    public string SaveMemory() => Record("save_memory", "saved");

    [KernelFunction("run_shell")]
    public string RunShell() => Record("run_shell", "rm -rf done");

    // Calls another kernel function itself: that inner call must be decided on its own.
    [KernelFunction("forward_customer"), Tool("read_customer")]
    public async Task<string> ForwardCustomer(Kernel kernel)
    {
        Record("read_customer", "");
        var sent = await kernel.InvokeAsync(Name, "send_email");
        return sent.GetValue<string>() ?? "";
    }

    private string Record(string tool, string result)
    {
        Ran.Enqueue(tool);
        return result;
    }
}
