using Trajeckt.Runtime.Tests.Support;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

/// <summary>Labels a tool reports at run time join the taint; a label no tool declares has no flows.</summary>
public sealed class RuntimeLabelTests
{
    private const string Policy = """
        trajectory T {
          tool read_customer : sensitive(customer-pii);
          tool fetch;
          tool send_email    : sink(external);
          tool save          : sink(control);
          flow customer-pii -> send_email;
        }
        """;

    [Fact]
    public void A_reported_declared_label_follows_its_flows()
    {
        var session = Session(Policy);
        AssertAllowed(session.Call("fetch", null, "customer-pii"));
        AssertAllowed(session.Call("send_email"));
    }

    [Fact]
    public void A_reported_undeclared_label_reaches_no_external_sink()
    {
        var session = Session(Policy);
        AssertAllowed(session.Call("fetch", null, "ssn"));
        AssertAllowed(session.Call("save"));
        var refused = session.Call("send_email");
        AssertRefused(refused, DecisionReason.Flow);
        Assert.Equal("flow: label 'ssn' (reported by fetch at step 1, declared by no tool) may not reach external sink send_email", refused.Message);
    }

    [Fact]
    public void Labels_are_case_sensitive()
    {
        var session = Session(Policy);
        AssertAllowed(session.Call("fetch", null, "Customer-PII"));
        AssertRefused(session.Call("send_email"), DecisionReason.Flow);
    }

    [Fact]
    public void A_null_label_is_treated_as_undeclared()
    {
        var session = Session(Policy);
        var decision = session.Begin("fetch");
        session.Complete(in decision, null, [null!]);
        AssertRefused(session.Call("send_email"), DecisionReason.Flow);
    }

    [Fact]
    public void Output_that_cannot_be_recorded_is_assumed_untrusted_and_undeclared()
    {
        var session = Session(Policy);
        var decision = session.Begin("fetch");
        session.Complete(in decision, null, new ThrowingList());
        AssertRefused(session.Call("send_email"), DecisionReason.Flow);
        AssertRefused(session.Call("save"), DecisionReason.Floor);
    }

    [Fact]
    public void More_than_64_labels_are_tracked()
    {
        var tools = string.Join(Environment.NewLine, Enumerable.Range(0, 70).Select(i => $"tool read{i:D2} : sensitive(label{i:D2});"));
        var session = Session($$"""
            trajectory Wide {
              {{tools}}
              tool send : sink(external);
              flow label69 -> send;
            }
            """);
        AssertAllowed(session.Call("read69"));
        AssertAllowed(session.Call("send"));
        AssertAllowed(session.Call("read68"));
        var refused = session.Call("send");
        AssertRefused(refused, DecisionReason.Flow);
        Assert.Contains("'label68' (read by read68 at step 3)", refused.Message);
    }

    private sealed class ThrowingList : IReadOnlyList<string>
    {
        public string this[int index] => "unreachable";

        public int Count => throw new InvalidOperationException("broken label source");

        public IEnumerator<string> GetEnumerator() => throw new InvalidOperationException("broken label source");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
