using System.CommandLine;
using Trajeckt.Audit;
using Trajeckt.Sealing;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt log verify LOG... --key PUB</c>: checks a decision log's hash chain and checkpoint
/// signatures and names the first entry that was altered, removed, reordered, or appended after the last
/// checkpoint. Exit 0 when every file verifies, 1 when one does not, 2 for unreadable input.
/// </summary>
internal static class LogCommand
{
    /// <summary>The largest log file read, 1 GiB (the file sink rolls at 64 MiB by default).</summary>
    private const int MaxLogBytes = 1 << 30;

    public static Command Create(CliContext context)
    {
        var logs = new Argument<string[]>("log") { Description = "Decision log files, each verified on its own.", Arity = ArgumentArity.OneOrMore };
        var key = new Option<string>("--key") { Description = "The public key of the log's checkpoints: a .pub file or ed25519:<base64>.", Required = true };
        var verify = new Command("verify", "Verify a decision log; name the first entry that was tampered with.") { logs, key };
        verify.SetAction(parse => Verify(context, parse.GetValue(logs)!, parse.GetValue(key)!));
        return new Command("log", "Work with decision logs.") { verify };
    }

    private static int Verify(CliContext context, string[] paths, string keyText)
    {
        if (!TryLoadKey(keyText, out var key, out var keyError))
            return context.Fail(keyError);
        var result = CliApp.Success;
        foreach (var path in paths)
        {
            var bytes = InputFile.Read(path, MaxLogBytes, "a decision log", context);
            if (bytes is null)
                return CliApp.InvalidInput;
            var verification = DecisionLogVerifier.Verify(bytes, key);
            if (verification.IsValid)
            {
                context.Output.WriteLine($"{path}: verified: {verification.Entries} entries, {verification.Checkpoints} checkpoints signed by {key.KeyId}");
                continue;
            }
            context.Error.WriteLine($"{path}({verification.Line},1): error: {verification.Problem}");
            context.Output.WriteLine($"{path}: NOT verified: first bad entry {verification.FirstBadEntry}");
            result = CliApp.Failed;
        }
        return result;
    }

    private static bool TryLoadKey(string text, out OperatorPublicKey key, out string error)
    {
        key = null!;
        if (File.Exists(text))
        {
            if (PublicKeyFile.TryRead(text, out var fromFile, out var fileError))
            {
                key = fromFile;
                error = "";
                return true;
            }
            error = fileError.ToString();
            return false;
        }
        if (OperatorPublicKey.TryParse(text, out var parsed, out var parseError))
        {
            key = parsed;
            error = "";
            return true;
        }
        error = $"--key: {text}: not a public key file, and {parseError}";
        return false;
    }
}
