using Trajeckt;

namespace OrderAgent;

/// <summary>The tools the agent always had, now marked with what they do.</summary>
public sealed class OrderTools
{
    [Tool("lookup_order"), Origin(Trust.ToolOutput)]
    public string LookupOrder(int orderId) => $"order {orderId}: shipped";

    [Tool("read_customer"), SensitiveRead("customer-pii")]
    public string ReadCustomer(int customerId) => $"customer {customerId}: Ada Lovelace, ada@example.com";

    [Tool("reply_to_customer"), Sink(SinkKind.External)]
    public void ReplyToCustomer(string message) => Console.WriteLine($"REPLIED: {message}");

    [Tool("send_email"), Sink(SinkKind.External)]
    public void SendEmail(string to, string body) => Console.WriteLine($"SENT to {to}: {body}");
}
