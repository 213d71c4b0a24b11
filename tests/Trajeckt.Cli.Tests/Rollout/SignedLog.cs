using Trajeckt.Audit;
using Trajeckt.Sealing;

namespace Trajeckt.Cli.Tests.Rollout;

/// <summary>A decision log in a folder, signed by a fresh key whose public half is written beside it for <c>trajeckt log verify --key</c>.</summary>
internal sealed class SignedLog : IDisposable
{
    public SignedLog(TempFolder folder)
    {
        Folder = Path.Combine(folder.Path, "logs");
        PublicKey = folder.File("log.pub");
        PublicKeyFile.Write(PublicKey, Key.PublicKey);
    }

    public OperatorKeyPair Key { get; } = OperatorKeyPair.Generate();

    public string Folder { get; }

    /// <summary>The public key file.</summary>
    public string PublicKey { get; }

    /// <summary>The one file the log wrote (the tests' logs never roll).</summary>
    public string File => Directory.GetFiles(Folder).Single();

    public DecisionLog Open() => new(new FileDecisionLogSink(Folder), Key);

    public void Dispose() => Key.Dispose();
}
