using Trajeckt.Replay;

namespace Trajeckt.Runtime.Tests.Replay;

public sealed class TraceReaderTests
{
    [Fact]
    public void Reads_the_design_example_with_every_field()
    {
        var events = TraceText.ReadAll("""
            {"input": "Untrusted"}
            {"call": "read_customer", "expect": "allow"}
            {"call": "fetch_url", "origin": "Untrusted", "labels": ["x", "y"], "expect": "allow"}
            {"authorize": "save_memory", "by": "TrustedUser", "expect": "accepted"}
            {"call": "send_email", "expect": "deny", "reason": "flow"}
            {"note": "ignored"}
            """, out var options);

        Assert.False(options.Heuristic);
        Assert.False(options.HaltOnViolation);
        Assert.Equal(5, events.Count);
        Assert.Equal([1, 2, 3, 4, 5], events.Select(e => e.Step));
        Assert.Equal([1, 2, 3, 4, 5], events.Select(e => e.Line));

        Assert.Equal(TraceEventKind.Input, events[0].Kind);
        Assert.Equal(Trust.Untrusted, events[0].Trust);
        Assert.Null(events[0].Tool);
        Assert.Null(events[0].Expect);

        Assert.Equal(TraceEventKind.Call, events[1].Kind);
        Assert.Equal("read_customer", events[1].Tool);
        Assert.Equal(TraceExpectation.Allow, events[1].Expect);
        Assert.Null(events[1].Origin);
        Assert.Null(events[1].Labels);
        Assert.Null(events[1].ExpectedReason);

        Assert.Equal(Trust.Untrusted, events[2].Origin);
        Assert.Equal(["x", "y"], events[2].Labels!);

        Assert.Equal(TraceEventKind.Authorize, events[3].Kind);
        Assert.Equal("save_memory", events[3].Tool);
        Assert.Equal(Trust.TrustedUser, events[3].Trust);
        Assert.Equal(TraceExpectation.Accepted, events[3].Expect);

        Assert.Equal(TraceExpectation.Deny, events[4].Expect);
        Assert.Equal("flow", events[4].ExpectedReason);
    }

    [Fact]
    public void Blank_lines_and_notes_are_not_steps_but_lines_still_count()
    {
        var events = TraceText.ReadAll("\n  \t \r\n{\"note\": \"n\"}\r\n{\"call\": \"a\"}\r\n\r\n   {\"call\": \"b\"}\n");

        Assert.Equal(2, events.Count);
        Assert.Equal((1, 4, 1), (events[0].Step, events[0].Line, events[0].Column));
        Assert.Equal((2, 6, 4), (events[1].Step, events[1].Line, events[1].Column));
    }

    [Fact]
    public void Options_on_the_first_non_blank_line_set_the_session_options()
    {
        var events = TraceText.ReadAll("\n{\"options\": {\"heuristic\": true, \"halt_on_violation\": true}}\n{\"call\": \"a\"}", out var options);

        Assert.True(options.Heuristic);
        Assert.True(options.HaltOnViolation);
        Assert.Equal((1, 3), (events.Single().Step, events.Single().Line));
    }

    [Fact]
    public void Options_may_set_one_flag_and_default_the_other()
    {
        TraceText.ReadAll("{\"options\": {\"halt_on_violation\": true}}", out var options);

        Assert.False(options.Heuristic);
        Assert.True(options.HaltOnViolation);
    }

    [Fact]
    public void An_empty_trace_has_no_events_and_default_options()
    {
        Assert.Empty(TraceText.ReadAll("", out var options));
        Assert.Same(TraceOptions.Default, options);
    }

    [Fact]
    public void Escaped_keys_and_values_are_read_as_their_text()
    {
        var traceEvent = TraceText.ReadAll("{\"c\\u0061ll\": \"send\\u005femail\"}").Single();

        Assert.Equal("send_email", traceEvent.Tool);
    }

    [Fact]
    public void Read_before_ReadOptions_still_applies_the_options_line()
    {
        using var reader = new TraceReader(new StringReader("{\"options\": {\"heuristic\": true}}\n{\"input\": \"Memory\"}"), "t");

        Assert.Equal(Trust.Memory, reader.Read()!.Trust);
        Assert.True(reader.ReadOptions().Heuristic);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void A_failed_reader_keeps_failing_instead_of_skipping_the_bad_line()
    {
        using var reader = new TraceReader(new StringReader("{\"call\": \"a\"}\n{\"bogus\": 1}\n{\"call\": \"c\"}"), "t");

        Assert.Equal("a", reader.Read()!.Tool);
        var first = Assert.Throws<TraceFormatException>(() => reader.Read());
        var second = Assert.Throws<TraceFormatException>(() => reader.Read());
        Assert.Same(first, second);
    }

    [Fact]
    public void Dispose_closes_the_text_reader_unless_asked_to_leave_it_open()
    {
        var closed = new StringReader("");
        new TraceReader(closed, "t").Dispose();
        Assert.Throws<ObjectDisposedException>(() => closed.Peek());

        var open = new StringReader("x");
        new TraceReader(open, "t", leaveOpen: true).Dispose();
        Assert.Equal('x', open.Peek());
    }
}
