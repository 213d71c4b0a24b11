using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Trajeckt.Replay;

namespace Trajeckt.Cli;

/// <summary>
/// The <c>--json</c> format: one object per line with exactly <c>step</c>, <c>tool</c>, <c>decision</c>,
/// <c>reason</c> and <c>message</c> (docs/semantics.md, trajeckt replay); an input has <c>"decision": "input"</c> and a null tool.
/// </summary>
internal sealed class ReplayJsonWriter(TextWriter output) : ReplayWriter
{
    // Relaxed escaping keeps quotes in messages readable; control characters are still escaped.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public override void Write(ReplayResult result)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteNumber("step", result.Step);
            json.WriteString("tool", result.Event.Tool);
            json.WriteString("decision", result.DecisionName);
            json.WriteString("reason", result.Reason);
            json.WriteString("message", result.Message);
            json.WriteEndObject();
        }
        // The relaxed encoder leaves format characters (bidi overrides) raw; inside a JSON string,
        // the \uXXXX escape that DisplayText writes for them is the same text.
        output.WriteLine(DisplayText.Escape(Encoding.UTF8.GetString(_buffer.WrittenSpan)));
    }
}
