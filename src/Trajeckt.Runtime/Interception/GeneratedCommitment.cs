using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Trajeckt.Sealing;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Interception;

/// <summary>
/// What a generated <c>TrajecktGraphs.X.BeginSession()</c> does: load the graph compiled into the
/// assembly, verify its seal (beside the assembly) against the options' trusted keys, and make a session
/// that enforces it current. Every failure yields a session that refuses every call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCommitment
{
    /// <summary>Begins a session for a graph compiled into <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly the graph was compiled into.</param>
    /// <param name="trajectory">The trajectory's name.</param>
    /// <param name="encoding">The canonical graph encoding.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="loggerFactory">Where audit events go.</param>
    /// <returns>The session, now current until it is disposed.</returns>
    public static TrajecktSession BeginSession(Assembly assembly, string trajectory, ReadOnlySpan<byte> encoding, TrajecktOptions? options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(trajectory);
        var sealPath = Path.Combine(AppContext.BaseDirectory, SealFileNames.For(assembly.GetName().Name ?? "app", trajectory));
        var session = CreateSession(encoding.ToArray(), sealPath, options ?? new TrajecktOptions(), loggerFactory);
        session.MakeCurrentUntilDisposed();
        return session;
    }

    /// <summary>The session for a compiled graph whose seal is (or should be) at <paramref name="sealPath"/>.</summary>
    internal static TrajecktSession CreateSession(byte[] encoding, string sealPath, TrajecktOptions options, ILoggerFactory? loggerFactory) =>
        CreateSession(encoding, sealPath, options, loggerFactory, DevelopmentKey.PublicKeyPath);

    /// <summary>As above, with the development public key at <paramref name="developmentKeyPath"/> (tests use their own).</summary>
    internal static TrajecktSession CreateSession(byte[] encoding, string sealPath, TrajecktOptions options, ILoggerFactory? loggerFactory, string developmentKeyPath)
    {
        if (!File.Exists(sealPath))
        {
            // No seal at all: heuristic mode if the operator explicitly allowed uncommitted sessions,
            // classifying tools by the effects compiled into the graph; otherwise refuse everything.
            if (options.RunsHeuristicWhenUncommitted && GraphDecoder.TryDecode(encoding, out var graph, out _))
                return TrajecktSession.CreateHeuristic(graph!, options, loggerFactory);
            return TrajecktSession.Create(
                CommitmentLoadResult.Failure(DecisionReason.NoCommitment, $"no seal at {sealPath}; sign the build (TrajecktSigningKey) or run 'trajeckt seal'"),
                options, loggerFactory);
        }
        if (!TrustStore.TryFromOptions(options, out var trustStore, out var error))
            return TrajecktSession.Create(CommitmentLoadResult.Failure(DecisionReason.NoCommitment, "the trusted keys are invalid: " + error), options, loggerFactory);
        return TrajecktSession.Create(CommitmentLoader.LoadWithSealFile(encoding, sealPath, WithDevelopmentKey(trustStore, developmentKeyPath)), options, loggerFactory);
    }

    // A Debug build signs with the user's development key. It verifies only in a store that trusts development
    // keys (the explicit option); in any other store the key is still known, never trusted, so that the refusal
    // says the seal is a development seal and names the option, instead of reporting an unknown key.
    private static TrustStore WithDevelopmentKey(TrustStore trustStore, string developmentKeyPath)
    {
        if (!File.Exists(developmentKeyPath)
            || !PublicKeyFile.TryRead(developmentKeyPath, out var key, out _) || !key.IsDevelopment
            || trustStore.TryGetKey(key.KeyId, out _))
            return trustStore;
        return new TrustStore(trustStore.Keys.Append(key), trustStore.TrustDevelopmentKeys);
    }
}
