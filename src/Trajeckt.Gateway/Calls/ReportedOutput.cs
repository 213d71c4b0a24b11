using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// What an upstream may report about a result in its <c>_meta</c>: <c>trajeckt.dev/origin</c> (a trust
/// level) and <c>trajeckt.dev/labels</c> (confidentiality labels). The runtime only lets such a report
/// lower integrity and add taint, so an upstream cannot gain anything by it; a malformed report counts
/// as the worst (untrusted, or a label that may reach no sink).
/// </summary>
internal static class ReportedOutput
{
    public const string OriginKey = "trajeckt.dev/origin";
    public const string LabelsKey = "trajeckt.dev/labels";

    /// <summary>The label that stands for labels an upstream reported unreadably.</summary>
    public const string UnreadableLabel = "trajeckt.dev/unreadable-labels";

    public static void Read(JsonObject? meta, out Trust? origin, out IReadOnlyList<string>? labels)
    {
        origin = null;
        labels = null;
        if (meta is null)
            return;
        if (meta.TryGetPropertyValue(OriginKey, out var originNode))
        {
            origin = originNode is JsonValue value && value.TryGetValue<string>(out var text)
                && Enum.TryParse<Trust>(text, ignoreCase: false, out var trust) && Enum.IsDefined(trust) && !int.TryParse(text, out _)
                ? trust
                : Trust.Untrusted;
        }
        if (meta.TryGetPropertyValue(LabelsKey, out var labelsNode))
        {
            try
            {
                labels = labelsNode?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? Array.Empty<string>();
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException or NullReferenceException)
            {
                // Unreadable labels: assume the worst, a label no tool declares (it may reach no sink).
                labels = new[] { UnreadableLabel };
            }
        }
    }
}
