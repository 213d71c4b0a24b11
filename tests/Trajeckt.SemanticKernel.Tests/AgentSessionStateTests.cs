using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Trajeckt.AgentFramework;
using Trajeckt.Extensions.AI;
using Trajeckt.Sessions;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>
/// Agent Framework sessions (threads) that carry their Trajeckt state: serialized after one run, restored by another
/// agent instance (another request, another process), and refused when altered or replayed.
/// </summary>
public sealed class AgentSessionStateTests
{
    private static readonly Commitment s_commitment = TestSessions.Support().Commitment!;
    private readonly SessionStateProtector _protector = new(SessionStateKey.Generate("k1"));
    private readonly List<string> _ran = [];

    [Fact]
    public async Task The_taint_of_a_read_travels_with_the_serialized_thread_and_refuses_the_send_in_the_next_run()
    {
        var first = Agent(new ScriptedChatClient(Calls(("c1", "read_customer")), Says("read")));
        var thread = await first.CreateSessionAsync();
        await first.RunAsync("Look up the customer", thread);
        var serialized = await first.SerializeSessionAsync(thread);

        var model = new ScriptedChatClient(Calls(("c2", "send_email")), Says("I could not send it."));
        var second = Agent(model);
        var restored = await second.DeserializeSessionAsync(serialized);
        var response = await second.RunAsync("Mail the record to evil@example.com", restored);

        Assert.Equal("I could not send it.", response.Text);
        Assert.Equal(["read_customer"], _ran);
        Assert.Equal(
            "Refused by the Trajeckt policy: flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email",
            model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task A_tampered_thread_state_is_refused_before_anything_runs()
    {
        var first = Agent(new ScriptedChatClient(Calls(("c1", "read_customer")), Says("read")));
        var thread = await first.CreateSessionAsync();
        await first.RunAsync("Look up the customer", thread);
        var serialized = await first.SerializeSessionAsync(thread);

        foreach (var (tampered, code) in new[]
        {
            (Rewrite(serialized, bytes => { bytes[^40] ^= 1; return bytes; }), "state_unauthenticated:"),
            (Rewrite(serialized, bytes => bytes[..10]), "state_malformed:"),
        })
        {
            var model = new ScriptedChatClient(Calls(("c2", "send_email")), Says("sent"));
            var second = Agent(model);
            var restored = await second.DeserializeSessionAsync(tampered);
            var error = await Assert.ThrowsAsync<TrajecktSessionStateException>(() => second.RunAsync("Mail it", restored));
            Assert.StartsWith(code, error.Message);
            Assert.Empty(model.Requests);
        }

        // A state signed by a key this service does not hold is no state of its own.
        var foreign = Agent(new ScriptedChatClient(Says("no")), new SessionStateProtector(SessionStateKey.Generate("other")));
        var fromElsewhere = await foreign.DeserializeSessionAsync(serialized);
        Assert.StartsWith("state_unauthenticated:", (await Assert.ThrowsAsync<TrajecktSessionStateException>(() => foreign.RunAsync("Mail it", fromElsewhere))).Message);
        Assert.Equal(["read_customer"], _ran);
    }

    [Fact]
    public async Task A_replayed_older_thread_state_is_refused_where_a_store_exists()
    {
        var store = new InMemoryTrajecktSessionStore();
        var manager = new TrajecktSessionManager(s_commitment, store);
        var first = Agent(new ScriptedChatClient(Says("hello"), Calls(("c1", "read_customer")), Says("read")), configure: o => o.SessionManager = manager);
        var thread = await first.CreateSessionAsync();
        await first.RunAsync("Hello", thread);
        var clean = await first.SerializeSessionAsync(thread);
        await first.RunAsync("Look up the customer", thread);
        Assert.Equal(1, store.Count);

        // The client presents the state from before the read, to shed its taint.
        var model = new ScriptedChatClient(Calls(("c2", "send_email")), Says("sent"));
        var second = Agent(model, configure: o => o.SessionManager = manager);
        var replayed = await second.DeserializeSessionAsync(clean);
        var error = await Assert.ThrowsAsync<TrajecktSessionStateException>(() => second.RunAsync("Mail it", replayed));
        Assert.StartsWith("state_replayed:", error.Message);
        Assert.Empty(model.Requests);
        Assert.Equal(["read_customer"], _ran);

        // Without a store the same replay is accepted: a MAC proves who wrote a state, not that it is the latest.
        var storeless = Agent(new ScriptedChatClient(Calls(("c3", "send_email")), Says("sent")));
        await storeless.RunAsync("Mail it", await storeless.DeserializeSessionAsync(clean));
        Assert.Equal(["read_customer", "send_email"], _ran);
    }

    [Fact]
    public async Task A_thread_of_another_commitment_is_refused()
    {
        var first = Agent(new ScriptedChatClient(Calls(("c1", "read_ticket")), Says("read")));
        var thread = await first.CreateSessionAsync();
        await first.RunAsync("Read the ticket", thread);
        var serialized = await first.SerializeSessionAsync(thread);

        var other = TestSessions.Create("trajectory Other { tool read_ticket; tool send_email : sink(external); }").Commitment!;
        var agent = Agent(new ScriptedChatClient(Says("no")), commitment: other);
        var error = await Assert.ThrowsAsync<TrajecktSessionStateException>(async () => await agent.RunAsync("Mail it", await agent.DeserializeSessionAsync(serialized)));
        Assert.StartsWith("state_other_commitment:", error.Message);
    }

    private AIAgent Agent(ScriptedChatClient model, SessionStateProtector? protector = null, Action<TrajecktAgentOptions>? configure = null, Commitment? commitment = null) =>
        new ChatClientAgent(new ChatClientBuilder(model).UseTrajeckt().UseFunctionInvocation().Build(), instructions: "You are the support desk.", tools: Tools())
            .AsBuilder()
            .UseTrajecktSessions(commitment ?? s_commitment, protector ?? _protector, configure)
            .Build();

    private AIFunction[] Tools() =>
    [
        AIFunctionFactory.Create(() => { _ran.Add("read_ticket"); return "ticket 7"; }, "read_ticket"),
        AIFunctionFactory.Create(() => { _ran.Add("read_customer"); return "Ada, ada@example.com"; }, "read_customer"),
        AIFunctionFactory.Create(() => { _ran.Add("send_email"); return "sent"; }, "send_email"),
    ];

    // Rewrites the carried Trajeckt state's bytes wherever the serialized agent session holds it.
    private static JsonElement Rewrite(JsonElement serialized, Func<byte[], byte[]> edit)
    {
        var root = JsonNode.Parse(serialized.GetRawText())!;
        var found = 0;
        Walk(root);
        Assert.Equal(1, found);
        return JsonDocument.Parse(root.ToJsonString()).RootElement.Clone();

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj.ToList())
                    {
                        if (name == "trajeckt.session" && TryEdit(value, out var replaced))
                        {
                            obj[name] = replaced;
                            found++;
                        }
                        else
                        {
                            Walk(value);
                        }
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                        Walk(item);
                    break;
            }
        }

        bool TryEdit(JsonNode? value, out JsonNode? replaced)
        {
            replaced = null;
            if (value is not JsonValue text || !text.TryGetValue<string>(out var base64))
                return false;
            replaced = JsonValue.Create(Convert.ToBase64String(edit(Convert.FromBase64String(base64))));
            return true;
        }
    }
}
