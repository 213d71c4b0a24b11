using System.Security.Cryptography;
using CsCheck;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Sessions;
using Trajeckt.TestSupport.Reference;

namespace Trajeckt.Runtime.Tests.Sessions;

/// <summary>
/// Session state as data, on random graphs and random traces: a session snapshotted and restored at
/// any point decides the rest exactly as one that never left memory; every single-byte change of a
/// state is refused; and decoding random bytes never throws.
/// </summary>
public sealed class SessionStatePropertyTests
{
    [Fact]
    public void A_session_restored_at_any_point_decides_the_rest_as_one_that_never_left_memory() =>
        Gen.Int[0, int.MaxValue].Select(Gen.Bool).Sample((seed, halt) =>
        {
            var random = new Random(seed);
            var (commitment, events) = RandomTrace(random);
            var options = new TrajecktOptions { OnViolation = halt ? ViolationBehavior.Halt : ViolationBehavior.Refuse };
            var split = random.Next(events.Count + 1);

            var uninterrupted = TrajecktSession.Create(commitment, options);
            var expected = events.Select(e => Describe(uninterrupted, e)).ToList();

            var first = TrajecktSession.Create(commitment, options);
            var actual = events.Take(split).Select(e => Describe(first, e)).ToList();
            var state = first.Snapshot();
            Assert.True(TrajecktSession.TryRestore(commitment, state, out var restored, out var error, options), $"seed {seed}: {error}");
            Assert.Equal(first.StateVersion, restored.StateVersion);
            Assert.Equal(first.IsHalted, restored.IsHalted);
            Assert.Equal(state, restored.Snapshot());
            actual.AddRange(events.Skip(split).Select(e => Describe(restored, e)));

            Assert.Equal(expected, actual);
            Assert.Equal(uninterrupted.Snapshot(), restored.Snapshot());
        }, iter: 300);

    [Fact]
    public void Every_single_byte_change_of_a_state_or_a_protected_state_is_refused()
    {
        var protector = new SessionStateProtector(SessionStateKey.Generate("k1"));
        Gen.Int[0, int.MaxValue].Select(Gen.Byte[1, 255]).Sample((seed, mask) =>
        {
            var random = new Random(seed);
            var (commitment, events) = RandomTrace(random);
            var session = TrajecktSession.Create(commitment);
            foreach (var e in events)
                EngineDriver.Apply(session, e);
            var state = session.Snapshot();
            var sealedState = protector.Protect(state);
            for (var i = 0; i < state.Length; i++)
            {
                var altered = (byte[])state.Clone();
                altered[i] ^= mask;
                Assert.False(TrajecktSession.TryRestore(commitment, altered, out _, out var error), $"seed {seed}: byte {i} ^ {mask} was accepted");
                Assert.Matches("^state_[a-z_]+: ", error);
            }
            for (var i = 0; i < sealedState.Length; i++)
            {
                var altered = (byte[])sealedState.Clone();
                altered[i] ^= mask;
                Assert.False(protector.TryUnprotect(altered, out _, out _), $"seed {seed}: protected byte {i} ^ {mask} was accepted");
            }
            Assert.True(protector.TryUnprotect(sealedState, out var opened, out _));
            Assert.Equal(state, opened);
        }, iter: 60);
    }

    [Fact]
    public void Decoding_random_bytes_never_throws_and_never_restores()
    {
        var commitment = Policies.Compile("trajectory T { tool read : sensitive(pii); tool send : sink(external); flow pii -> send; }");
        var protector = new SessionStateProtector(SessionStateKey.Generate("k1"));
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            Assert.False(TrajecktSession.TryRestore(commitment, bytes, out var session, out var error));
            Assert.Null(session);
            Assert.NotNull(error);
            Assert.False(protector.TryUnprotect(bytes, out _, out _));
        }, iter: 5_000);
    }

    [Fact]
    public void Decoding_random_bodies_in_a_valid_frame_never_throws()
    {
        // A valid magic, version, digest and checksum around random bytes reaches every field's decoder.
        var commitment = Policies.Compile("""
            trajectory T {
              tool read : sensitive(pii, secret);
              tool send : sink(external);
              tool post : sink(external);
              flow pii -> send;
              floor CleanWorkspace for post;
            }
            """);
        var digest = commitment.Digest.ToArray();
        var restored = 0;
        Gen.Byte.Array[0, 80].Sample(body =>
        {
            var content = "TRJS"u8.ToArray().Concat(new byte[] { 1 }).Concat(digest).Concat(body).ToArray();
            var state = content.Concat(SHA256.HashData(content).AsSpan(0, 8).ToArray()).ToArray();
            if (TrajecktSession.TryRestore(commitment, state, out var session, out var error))
            {
                // What decodes is a state the session can work with and write back unchanged.
                restored++;
                Assert.Equal(state, session.Snapshot());
                session.Begin("send");
                session.Snapshot();
            }
            else
            {
                Assert.StartsWith("state_malformed: ", error);
            }
        }, iter: 20_000);
    }

    private static (Commitment Commitment, List<ReferenceEvent> Events) RandomTrace(Random random)
    {
        var graph = RandomGraphs.Create(random);
        var commitment = Commitment.FromVerifiedGraph(graph, [1, 2, 3]);
        var events = ReferenceModelPropertyTests.RandomEvents(random, graph.Tools.Select(t => t.Name).ToArray(), graph.Labels.ToArray());
        return (commitment, events);
    }

    private static string Describe(TrajecktSession session, ReferenceEvent e) => e switch
    {
        CallEvent c => Call(session, c),
        AuthorizeEvent a => session.Authorize(a.Tool, a.By).ToString(),
        InputEvent i => "input " + session.ObserveInput(i.Trust),
        _ => throw new ArgumentException("unknown event"),
    };

    private static string Call(TrajecktSession session, CallEvent c)
    {
        var decision = session.Begin(c.Tool);
        session.Complete(in decision, c.Origin, c.Labels);
        return decision.ToString();
    }
}
