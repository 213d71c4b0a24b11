using System.Text.Json;

namespace Trajeckt.Gateway.Commitments;

/// <summary>
/// Names what changed between a pinned definition and a live one, field by field: <c>description changed</c>,
/// <c>input schema changed (property 'cc' added, 'required' changed)</c>, <c>annotations changed</c>, ...
/// Fields compare by their canonical JSON, so a reordered or re-spaced schema is no change.
/// </summary>
internal static class ToolDefinitionDifference
{
    public static string Describe(ToolDefinition pinned, ToolDefinition live)
    {
        var changes = new List<string>();
        foreach (var field in FieldNames(pinned.Json, live.Json))
        {
            var before = Field(pinned.Json, field);
            var after = Field(live.Json, field);
            if (Same(before, after))
                continue;
            var what = Describe(field);
            if (before is null)
                changes.Add($"{what} added");
            else if (after is null)
                changes.Add($"{what} removed");
            else if (field is "inputSchema" or "outputSchema")
                changes.Add($"{what} changed ({DescribeSchema(before.Value, after.Value)})");
            else
                changes.Add($"{what} changed");
        }
        // Equal canonical fields and unequal hashes cannot both hold; say so rather than say nothing.
        return changes.Count == 0 ? "its canonical form changed" : string.Join(", ", changes);
    }

    private static string DescribeSchema(JsonElement before, JsonElement after)
    {
        if (before.ValueKind != JsonValueKind.Object || after.ValueKind != JsonValueKind.Object)
            return "replaced";
        var changes = new List<string>();
        foreach (var key in FieldNames(before, after))
        {
            var b = Field(before, key);
            var a = Field(after, key);
            if (Same(b, a))
                continue;
            if (key == "properties" && b is { ValueKind: JsonValueKind.Object } bp && a is { ValueKind: JsonValueKind.Object } ap)
            {
                foreach (var property in FieldNames(bp, ap))
                {
                    var pb = Field(bp, property);
                    var pa = Field(ap, property);
                    if (!Same(pb, pa))
                        changes.Add($"property '{property}' {(pb is null ? "added" : pa is null ? "removed" : "changed")}");
                }
            }
            else
            {
                changes.Add($"'{key}' {(b is null ? "added" : a is null ? "removed" : "changed")}");
            }
        }
        return changes.Count == 0 ? "reformatted" : string.Join(", ", changes);
    }

    private static string Describe(string field) => field switch
    {
        "name" => "name",
        "title" => "title",
        "description" => "description",
        "inputSchema" => "input schema",
        "outputSchema" => "output schema",
        "annotations" => "annotations",
        "icons" => "icons",
        "_meta" => "_meta",
        _ => $"'{field}'",
    };

    private static IEnumerable<string> FieldNames(JsonElement a, JsonElement b) =>
        a.EnumerateObject().Select(p => p.Name).Concat(b.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static JsonElement? Field(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value : null;

    private static bool Same(JsonElement? a, JsonElement? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        // A field without a canonical form never matches (fail closed: it is named as changed).
        return CanonicalJson.TryWrite(a.Value, out var x, out _) && CanonicalJson.TryWrite(b.Value, out var y, out _) && x == y;
    }
}
