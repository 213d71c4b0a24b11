using Trajeckt.Traj.Graph;
using Trajeckt.Traj.IO;

namespace Trajeckt.Cli;

/// <summary>
/// Reads an input file named on the command line: never more than its format's cap plus one byte (so
/// <c>/dev/zero</c> or a huge file is refused at the cap), a refusal written as one error line.
/// </summary>
internal static class InputFile
{
    /// <summary>The most bytes of a policy or an encoded graph: the graph format's cap, which no useful policy nears.</summary>
    public const int MaxPolicyOrGraphBytes = GraphLimits.MaxEncodingBytes;

    /// <summary>The file's bytes, or null after writing why not (missing, unreadable, or over <paramref name="maxBytes"/>).</summary>
    public static byte[]? Read(string path, int maxBytes, string what, CliContext context)
    {
        if (!File.Exists(path))
        {
            context.Fail($"{path}: file not found");
            return null;
        }
        if (BoundedRead.TryReadFile(path, maxBytes, what, out var bytes, out var error))
            return bytes;
        context.Fail($"{path}: {error}");
        return null;
    }

    /// <summary>A policy's text (strict UTF-8, a leading byte order mark dropped), or null after writing why not.</summary>
    public static string? ReadPolicy(string path, CliContext context)
    {
        var bytes = Read(path, MaxPolicyOrGraphBytes, "a policy", context);
        return bytes is null ? null : DecodePolicy(path, bytes, context);
    }

    /// <summary>A policy's bytes as text (strict UTF-8, a leading byte order mark dropped), or null after writing why not.</summary>
    public static string? DecodePolicy(string path, byte[] bytes, CliContext context)
    {
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            context.Fail($"{path}: the policy is not valid UTF-8 (byte {ex.Index})");
            return null;
        }
        return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
    }
}
