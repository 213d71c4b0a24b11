using System.CommandLine;
using Trajeckt.Sealing;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt keygen [--out PREFIX] [--development] [--force]</c>: generate an operator key pair,
/// PREFIX.key (owner-only) and PREFIX.pub.
/// </summary>
internal static class KeygenCommand
{
    public const string DefaultPrefix = "operator";

    public static Command Create(CliContext context)
    {
        var prefix = new Option<string>("--out") { Description = "The files' path without extension: writes PREFIX.key and PREFIX.pub.", DefaultValueFactory = _ => DefaultPrefix };
        var development = new Option<bool>("--development") { Description = "Make a development key: its seals verify only where development keys are trusted." };
        var force = new Option<bool>("--force") { Description = "Replace existing key files." };
        var command = new Command("keygen", "Generate an operator key pair for sealing graphs.") { prefix, development, force };
        command.SetAction(parse => Run(context, parse.GetValue(prefix)!, parse.GetValue(development), parse.GetValue(force)));
        return command;
    }

    private static int Run(CliContext context, string prefix, bool development, bool force)
    {
        var privatePath = prefix + PrivateKeyFile.Extension;
        var publicPath = prefix + PublicKeyFile.Extension;
        if (!force)
        {
            // Checked for both files first, so a refusal leaves neither half written.
            foreach (var path in new[] { privatePath, publicPath })
            {
                if (File.Exists(path))
                    return context.Fail($"{path}: the file exists; use --force to replace the key pair");
            }
        }
        // Named here: the write itself would only say that a part of its temporary file's path is missing.
        var folder = Path.GetDirectoryName(Path.GetFullPath(privatePath));
        if (folder is not null && !Directory.Exists(folder))
            return context.Fail($"{prefix}: cannot write the key pair: the folder {folder} does not exist; create it first");
        using var keyPair = OperatorKeyPair.Generate(development);
        try
        {
            PrivateKeyFile.Write(privatePath, keyPair, overwrite: force);
            PublicKeyFile.Write(publicPath, keyPair.PublicKey, overwrite: force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return context.Fail($"{prefix}: cannot write the key pair: {ex.Message}");
        }
        var kind = development ? "development key" : "key";
        context.Output.WriteLine($"wrote {privatePath} (private, owner-only) and {publicPath}: {kind} {keyPair.KeyId}");
        context.Output.WriteLine($"trust it with {publicPath} or {keyPair.PublicKey}");
        return CliApp.Success;
    }
}
