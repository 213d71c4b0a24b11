using Trajeckt.Replay;

namespace Trajeckt.Runtime.Tests.Replay;

/// <summary>Reads trace text held in a string, as the tests write it.</summary>
internal static class TraceText
{
    public const string FileName = "trace.jsonl";

    public static List<TraceEvent> ReadAll(string text, out TraceOptions options)
    {
        using var reader = new TraceReader(new StringReader(text), FileName);
        options = reader.ReadOptions();
        var events = new List<TraceEvent>();
        while (reader.Read() is { } traceEvent)
            events.Add(traceEvent);
        return events;
    }

    public static List<TraceEvent> ReadAll(string text) => ReadAll(text, out _);

    public static TraceFormatException ReadError(string text) =>
        Assert.Throws<TraceFormatException>(() => ReadAll(text));
}
