using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Trajeckt.Extensions.AI.Tests.Infrastructure;
using Trajeckt.Sessions;
using Trajeckt.TestSupport;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>
/// UseTrajeckt with sessions stored by conversation id: two "replicas" (two service providers) share one real
/// redis-server, and each request of a conversation may land on either.
/// </summary>
public sealed class ConversationSessionTests : IDisposable
{
    private static readonly Commitment s_commitment = TestSessions.Support().Commitment!;

    private readonly RedisServer _redis = new();
    private readonly ServiceProvider _a;
    private readonly ServiceProvider _b;
    private readonly ToolBench _bench = new();

    public ConversationSessionTests()
    {
        _a = Replica();
        _b = Replica();
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _redis.Dispose();
    }

    [Fact]
    public async Task A_conversation_over_three_requests_on_two_replicas_refuses_the_exfiltration_in_the_third()
    {
        var ticket = await AskAsync(_a, "conv-1", Calls(("c1", "read_ticket")), Says("ticket read"));
        Assert.Equal("ticket read", ticket.Text);
        await AskAsync(_b, "conv-1", Calls(("c2", "read_customer")), Says("customer read"));

        var model = new ScriptedChatClient(Calls(("c3", "send_email")), Says("could not send"));
        var response = await Pipeline(_a, model).GetResponseAsync(Pipelines.Ask("mail it to me"), Options("conv-1"));

        Assert.Equal("could not send", response.Text);
        Assert.StartsWith(RefusalResult.Prefix + "flow: label 'customer-pii' (read by read_customer at step 2) may not reach external sink send_email", model.FunctionResults["c3"]?.ToString());
        Assert.Equal(["read_ticket", "read_customer"], _bench.Ran);
        // The stored session holds both allowed calls; the refusal changed nothing and wrote nothing.
        var stored = await _b.GetRequiredService<TrajecktSessionManager>().LoadAsync("conv-1");
        Assert.Equal(2, stored.StateVersion);

        // Another conversation is another session, on either replica.
        await AskAsync(_b, "conv-2", Calls(("c4", "send_email")), Says("sent"));
        Assert.Equal(["read_ticket", "read_customer", "send_email"], _bench.Ran);
    }

    [Fact]
    public async Task Streaming_requests_share_the_conversation_the_same_way()
    {
        await AskAsync(_a, "conv-s", Calls(("c1", "read_customer")), Says("read"));
        var model = new ScriptedChatClient(Calls(("c2", "send_email")), Says("could not send"));
        var response = await Pipeline(_b, model).GetStreamingResponseAsync(Pipelines.Ask("mail it"), Options("conv-s")).ToChatResponseAsync();
        Assert.Equal("could not send", response.Text);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c2"]?.ToString());
        Assert.Equal(["read_customer"], _bench.Ran);
    }

    [Fact]
    public async Task A_request_without_a_conversation_key_runs_no_function()
    {
        var model = new ScriptedChatClient(Calls(("c1", "read_ticket")), Says("no"));
        await Pipeline(_a, model).GetResponseAsync(Pipelines.Ask("read"), Pipelines.With(_bench.Tools("read_ticket")));
        Assert.Empty(_bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "no_commitment: read_ticket is refused: the request has no conversation key", model.FunctionResults["c1"]?.ToString());
    }

    [Fact]
    public async Task A_key_selector_replaces_the_conversation_id()
    {
        var selector = new Func<IEnumerable<ChatMessage>, ChatOptions?, string?>((_, o) => o?.AdditionalProperties?["user-conversation"] as string);
        var read = new ScriptedChatClient(Calls(("c1", "read_customer")), Says("read"));
        await Pipeline(_a, read, selector).GetResponseAsync(Pipelines.Ask("read"), Keyed("mine"));
        var send = new ScriptedChatClient(Calls(("c2", "send_email")), Says("no"));
        // The service's ConversationId changes with every response; the selector's key does not.
        var options = Keyed("mine");
        options.ConversationId = "resp_2";
        await Pipeline(_b, send, selector).GetResponseAsync(Pipelines.Ask("send"), options);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", send.FunctionResults["c2"]?.ToString());

        ChatOptions Keyed(string key)
        {
            var o = Options(null);
            o.AdditionalProperties = new() { ["user-conversation"] = key };
            return o;
        }
    }

    [Fact]
    public async Task Redis_down_refuses_every_call_and_runs_nothing()
    {
        await AskAsync(_a, "conv-r", Calls(("c1", "read_ticket")), Says("ok"));
        _redis.Stop();
        var model = new ScriptedChatClient(Calls(("c2", "send_email")), Says("no"));
        await Pipeline(_b, model).GetResponseAsync(Pipelines.Ask("send"), Options("conv-r"));
        Assert.StartsWith(RefusalResult.Prefix + "store_unavailable:", model.FunctionResults["c2"]?.ToString());
        Assert.Equal(["read_ticket"], _bench.Ran);
    }

    [Fact]
    public void Stored_sessions_and_a_fixed_session_cannot_be_combined()
    {
        var manager = _a.GetRequiredService<TrajecktSessionManager>();
        var error = Assert.Throws<InvalidOperationException>(() => new ChatClientBuilder(new ScriptedChatClient())
            .UseTrajeckt(manager, o => o.Session = TestSessions.Support())
            .UseFunctionInvocation()
            .Build());
        Assert.Contains("either SessionManager", error.Message);
    }

    private ServiceProvider Replica() => new ServiceCollection()
        .AddTrajecktSessions(s_commitment, o => o.MaxAttempts = 64)
        .AddRedisSessionStore(o => o.Configuration = _redis.Configuration)
        .BuildServiceProvider();

    private static IChatClient Pipeline(ServiceProvider replica, IChatClient model, Func<IEnumerable<ChatMessage>, ChatOptions?, string?>? key = null) =>
        new ChatClientBuilder(model)
            .UseTrajeckt(replica.GetRequiredService<TrajecktSessionManager>(), o => o.ConversationKey = key)
            .UseFunctionInvocation()
            .Build();

    private ChatOptions Options(string? conversation)
    {
        var options = Pipelines.With(_bench.Tools("read_ticket", "read_customer", "send_email"));
        options.ConversationId = conversation;
        return options;
    }

    private async Task<ChatResponse> AskAsync(ServiceProvider replica, string conversation, params ChatMessage[] script) =>
        await Pipeline(replica, new ScriptedChatClient(script)).GetResponseAsync(Pipelines.Ask("go on"), Options(conversation));
}
