using System.CommandLine;
using Trajeckt.Audit;
using Trajeckt.Sealing;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt log verify LOG... --key PUB</c>: checks a decision log's hash chain and checkpoint
/// signatures and names the first entry that was altered, removed, reordered, or appended after the last
/// checkpoint; each file of a folder must continue the file before it, so a file removed between two is
/// named too. Exit 0 when every file verifies, 1 when one does not, 2 for unreadable input.
/// </summary>
internal static class LogCommand
{
    /// <summary>The largest log file read, 1 GiB (the file sink rolls at 64 MiB by default).</summary>
    private const int MaxLogBytes = 1 << 30;

    public static Command Create(CliContext context)
    {
        var logs = new Argument<string[]>("log") { Description = "Decision log files in order, or folders of them; each file of a folder must continue the one before it.", Arity = ArgumentArity.OneOrMore };
        var key = new Option<string>("--key") { Description = "The public key of the log's checkpoints: a .pub file or ed25519:<base64>.", Required = true };
        var verify = new Command("verify", "Verify a decision log; name the first entry that was tampered with.") { logs, key };
        verify.SetAction(parse => Verify(context, parse.GetValue(logs)!, parse.GetValue(key)!));
        return new Command("log", "Work with decision logs.") { verify };
    }

    private static int Verify(CliContext context, string[] arguments, string keyText)
    {
        if (!TryLoadKey(keyText, out var key, out var keyError))
            return context.Fail(keyError);
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                files.Add(argument);
                continue;
            }
            // A folder stands for its log files in order (the file sink's names sort by number).
            var logs = Directory.GetFiles(argument, "decisions-*.jsonl").Order(StringComparer.Ordinal).ToList();
            if (logs.Count == 0)
                return context.Fail($"{argument}: the folder holds no decision log files (decisions-*.jsonl)");
            files.AddRange(logs);
        }
        var result = CliApp.Success;
        // Per folder, the last file given (its ends if it verified): the next file of the folder must continue its chain.
        var previous = new Dictionary<string, (string Name, LogEnds? Ends)>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var bytes = InputFile.Read(path, MaxLogBytes, "a decision log", context);
            if (bytes is null)
                return CliApp.InvalidInput;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
            var verification = DecisionLogVerifier.Verify(bytes, key);
            if (!verification.IsValid)
            {
                context.Error.WriteLine($"{path}({verification.Line},1): error: {verification.Problem}");
                context.Output.WriteLine($"{path}: NOT verified: first bad entry {verification.FirstBadEntry}");
                previous[folder] = (Path.GetFileName(path), null);
                result = CliApp.Failed;
                continue;
            }
            var ends = verification.Ends!;
            var hasBefore = previous.TryGetValue(folder, out var before);
            if (before.Ends is not null && DecisionLogVerifier.CheckContinues(before.Ends, before.Name, ends) is { } gap)
            {
                context.Error.WriteLine($"{path}(1,1): error: {gap.Problem}");
                context.Output.WriteLine($"{path}: NOT verified: it does not continue {before.Name}; first bad entry {gap.FirstBadEntry}");
                result = CliApp.Failed;
            }
            else
            {
                var continues = !hasBefore && ends.FirstSeq > 1 ? $"; continues entry {ends.FirstSeq - 1} of an earlier file not given" : "";
                context.Output.WriteLine($"{path}: verified: {verification.Entries} entries, {verification.Checkpoints} checkpoints signed by {key.KeyId}; entries {ends.FirstSeq} to {ends.LastSeq}{continues}");
            }
            previous[folder] = (Path.GetFileName(path), ends);
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
