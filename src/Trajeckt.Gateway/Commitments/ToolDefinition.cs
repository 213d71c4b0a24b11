using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Gateway.Commitments;

/// <summary>
/// A tool definition as a pin sees it: the whole <c>tools/list</c> entry the gateway offers clients (name as
/// offered, title, description, input and output schemas, annotations, icons, <c>_meta</c>), in its canonical
/// JSON form (<see cref="CanonicalJson"/>), and the SHA-256 of that form's UTF-8 bytes. Everything a client
/// is shown is pinned: the annotations decide the inferred effects, and a field left out would be a field a
/// server could change unseen.
/// </summary>
internal sealed class ToolDefinition
{
    private static readonly JsonTypeInfo<Tool> ToolInfo = (JsonTypeInfo<Tool>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool));

    private readonly string _policyName;

    private ToolDefinition(Tool tool, string policyName, JsonElement json, string canonical)
    {
        _policyName = policyName;
        Tool = tool;
        Json = json;
        Canonical = canonical;
        Hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }

    /// <summary>The definition as offered (under its exposed name).</summary>
    public Tool Tool { get; }

    /// <summary>The definition as JSON, for naming what differs between two of them.</summary>
    public JsonElement Json { get; }

    /// <summary>The canonical JSON the hash is taken of.</summary>
    public string Canonical { get; }

    /// <summary>The SHA-256 of <see cref="Canonical"/> in UTF-8.</summary>
    public byte[] Hash { get; }

    /// <summary>The <c>pin</c> line an operator adds to the policy after reviewing this definition.</summary>
    public string PinLine => $"pin {_policyName} \"{ToolPin.Format(Hash)}\";";

    /// <summary>Reads a tool's definition; fails (the tool cannot be pinned, so it is refused) when it has no canonical form.</summary>
    public static bool TryCreate(Tool tool, [NotNullWhen(true)] out ToolDefinition? definition, [NotNullWhen(false)] out string? error)
    {
        definition = null;
        string policyName;
        try
        {
            policyName = TrajFormatter.FormatName(tool.Name);
        }
        catch (ArgumentException)
        {
            error = "its name cannot be written in a policy (it is empty or holds a line break)";
            return false;
        }
        JsonElement json;
        try
        {
            json = JsonSerializer.SerializeToElement(tool, ToolInfo);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            error = $"its definition cannot be read as JSON ({e.Message})";
            return false;
        }
        if (!CanonicalJson.TryWrite(json, out var canonical, out error))
        {
            error = "its definition has no canonical form: " + error;
            return false;
        }
        definition = new ToolDefinition(tool, policyName, json, canonical);
        return true;
    }

    /// <summary>Whether the definition hashes to <paramref name="pin"/>.</summary>
    public bool Matches(ToolPin pin) => pin.Matches(Hash);
}
