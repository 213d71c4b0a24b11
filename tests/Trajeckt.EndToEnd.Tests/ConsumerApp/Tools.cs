using Trajeckt;

namespace ConsumerApp;

public class CustomerTools
{
    [Tool("read_customer"), SensitiveRead("customer-pii")]
    public string ReadCustomer(int id) => $"customer {id}: Ada Lovelace, ada@example.com";

    [Tool("send_email"), Sink(SinkKind.External)]
    public void SendEmail(string to, string body) => Console.WriteLine($"SENT to {to}: {body}");
}
