using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trajeckt.Gateway.Tests.Upstream;
using Trajeckt.Sealing;
using Trajeckt.TestSupport;
using Trajeckt.Traj;

namespace Trajeckt.Gateway.Tests;

/// <summary>
/// ClawTrojan cs_delay_002 through the gateway, under the vector's own policy sealed by an operator key
/// that the gateway trusts. Every call event of the trace goes through a stock client; an event's
/// <c>origin</c> is what the upstream reports about the content it returned; an <c>authorize</c> event is
/// the host application's approval UI posting to the operator's authorizations endpoint with the operator token.
/// </summary>
public sealed class ClawTrojanTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(RepoPaths.ConformanceVectors, "clawtrojan-cs_delay_002");
    private readonly string _work = Directory.CreateTempSubdirectory("trajeckt-gateway-").FullName;
    private UpstreamServer? _upstream;
    private readonly string _operatorToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private string[] _settings = [];
    private GatewayServer? _gateway;

    public async Task InitializeAsync()
    {
        var policy = Path.Combine(_work, "policy.traj");
        var text = File.ReadAllText(Path.Combine(_folder, "policy.traj"));
        using var key = OperatorKeyPair.Generate();
        _upstream = await UpstreamServer.StartAsync<OfficeTools>();
        string[] settings = ["--Gateway:Commitment=Operator", $"--Gateway:Policy={policy}", $"--Trajeckt:TrustedKeys:0={key.PublicKey}"];
        _settings = settings;

        // The operator's flow: the vector's policy pins nothing, so the gateway prints the pin lines to review;
        // the declared tools' lines go into the policy, which is sealed again.
        Seal(policy, text, key);
        var unpinned = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayServer.StartAsync(_upstream.Url, settings));
        var declared = TrajCompiler.Compile(text, policy).Trajectories.Single().Graph.Tools.Select(t => t.Name).ToHashSet();
        var pins = unpinned.Problems.SelectMany(p => p.Split('\n')).Select(l => l.Trim())
            .Where(l => l.StartsWith("pin ", StringComparison.Ordinal) && declared.Contains(l.Split(' ')[1]));
        var closing = text.LastIndexOf('}');
        Seal(policy, text[..closing] + string.Concat(pins.Select(l => "  " + l + "\n")) + text[closing..], key);

        _gateway = await GatewayServer.StartAsync(_upstream.Url, [.. settings, $"--Gateway:OperatorToken={_operatorToken}"]);
    }

    private static void Seal(string path, string policy, OperatorKeyPair key)
    {
        File.WriteAllText(path, policy);
        var compiled = TrajCompiler.Compile(policy, path).Trajectories.Single();
        SealFile.Write(path + ".seal", Sealer.Sign(compiled.Encoding, key));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (_upstream is not null)
            await _upstream.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task The_trace_decides_through_the_gateway_as_the_vector_expects()
    {
        await using var agent = await _gateway!.ConnectAgentAsync();
        var checkedCalls = 0;
        foreach (var line in File.ReadLines(Path.Combine(_folder, "trace.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            if (e.TryGetProperty("authorize", out var authorize))
            {
                using var approval = await PostAuthorizationAsync(_gateway, agent.SessionId!, authorize.GetString()!, e.GetProperty("by").GetString()!, _operatorToken);
                Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
                using var answer = JsonDocument.Parse(await approval.Content.ReadAsStringAsync());
                Assert.Equal(e.GetProperty("expect").GetString() == "accepted", answer.RootElement.GetProperty("accepted").GetBoolean());
                continue;
            }
            if (!e.TryGetProperty("call", out var call))
                continue;
            var arguments = e.TryGetProperty("origin", out var origin) ? new[] { ("origin", (object?)origin.GetString()) } : Array.Empty<(string, object?)>();
            var result = await agent.CallAsync(call.GetString()!, arguments);
            var expect = e.GetProperty("expect").GetString();
            if (expect == "allow")
            {
                Assert.NotEqual(true, result.IsError);
            }
            else
            {
                Assert.True(result.IsError, $"{call} should be refused");
                Assert.StartsWith($"Refused by the Trajeckt policy: {e.GetProperty("reason").GetString()}: ", result.Text());
            }
            checkedCalls++;
        }
        Assert.Equal(12, checkedCalls);
    }

    [Fact]
    public async Task The_agent_cannot_authorize_its_own_floored_call()
    {
        await using var agent = await _gateway!.ConnectAgentAsync();
        var id = agent.SessionId!;
        await agent.CallAsync("read_file", ("origin", "Untrusted"));
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        string?[] presented = [null, wrong, _operatorToken[..^1], _operatorToken + "x", _operatorToken.ToUpperInvariant(), ""];
        foreach (var token in presented)
        {
            using var response = await PostAuthorizationAsync(_gateway, id, "memory_write", "TrustedUser", token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }
        using (var basic = new HttpRequestMessage(HttpMethod.Post, $"trajeckt/sessions/{id}/authorizations"))
        {
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", _operatorToken);
            basic.Content = new StringContent("""{"tool":"memory_write","by":"TrustedUser"}""", Encoding.UTF8, "application/json");
            using var response = await _gateway.Http.SendAsync(basic);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A gateway without an operator token has no such endpoint at all.
        await using (var tokenless = await GatewayServer.StartAsync(_upstream!.Url, _settings))
        {
            await using var other = await tokenless.ConnectAgentAsync();
            await other.CallAsync("read_file", ("origin", "Untrusted"));
            using var response = await PostAuthorizationAsync(tokenless, other.SessionId!, "memory_write", "TrustedUser", _operatorToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.True((await other.CallAsync("memory_write")).IsError);
        }

        // Nothing was accepted: the floored call is still refused.
        var result = await agent.CallAsync("memory_write");
        Assert.True(result.IsError);
        Assert.StartsWith("Refused by the Trajeckt policy: floor: ", result.Text());
    }

    [Fact]
    public async Task The_operator_gets_clear_answers_for_unknown_sessions_bad_bodies_and_rejections()
    {
        await using var agent = await _gateway!.ConnectAgentAsync();
        using (var unknown = await PostAuthorizationAsync(_gateway, "no-such-session", "memory_write", "TrustedUser", _operatorToken))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var badTrust = await PostAuthorizationAsync(_gateway, agent.SessionId!, "memory_write", "trusteduser", _operatorToken))
            Assert.Equal(HttpStatusCode.BadRequest, badTrust.StatusCode);

        // The runtime decides: an authorizer below the floor's is rejected, and lets no call through.
        using (var tooLow = await PostAuthorizationAsync(_gateway, agent.SessionId!, "memory_write", "External", _operatorToken))
        {
            Assert.Equal(HttpStatusCode.OK, tooLow.StatusCode);
            using var answer = JsonDocument.Parse(await tooLow.Content.ReadAsStringAsync());
            Assert.False(answer.RootElement.GetProperty("accepted").GetBoolean());
            Assert.Equal("authorization_rejected", answer.RootElement.GetProperty("reason").GetString());
        }
        await agent.CallAsync("read_file", ("origin", "Untrusted"));
        var result = await agent.CallAsync("memory_write");
        Assert.True(result.IsError);
        Assert.StartsWith("Refused by the Trajeckt policy: floor: ", result.Text());
    }

    private static async Task<HttpResponseMessage> PostAuthorizationAsync(GatewayServer gateway, string sessionId, string tool, string by, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"trajeckt/sessions/{Uri.EscapeDataString(sessionId)}/authorizations");
        if (token is not null)
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Content = new StringContent(JsonSerializer.Serialize(new { tool, by }), Encoding.UTF8, "application/json");
        return await gateway.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_commitment_endpoint_names_the_operator_policy()
    {
        var text = await _gateway!.Http.GetStringAsync("trajeckt/commitment");
        Assert.Contains("operator policy", text);
        Assert.Contains("trajectory OfficeAutomation", text);
        Assert.Matches(@"memory_write\s+sink\(control\), floor External, authorized by TrustedUser", text);
    }
}
