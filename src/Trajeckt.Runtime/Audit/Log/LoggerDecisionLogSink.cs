using System.Text;
using Microsoft.Extensions.Logging;

namespace Trajeckt.Audit;

/// <summary>
/// A decision log sink that hands each line to an <see cref="ILogger"/> (and so to any logging or
/// OpenTelemetry exporter) as one Information event, the line in its <c>Line</c> property. The chain and
/// checkpoints are the same as in a file: collect the lines in order and <c>trajeckt log verify</c> them.
/// </summary>
public sealed partial class LoggerDecisionLogSink : DecisionLogSink
{
    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    /// <param name="logger">The logger that receives the lines.</param>
    public LoggerDecisionLogSink(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc />
    public override void WriteLine(ReadOnlySpan<byte> utf8Line, bool isCheckpoint) => LogLine(_logger, Encoding.UTF8.GetString(utf8Line));

    /// <inheritdoc />
    public override void Flush()
    {
    }

    [LoggerMessage(EventId = 1100, EventName = "TrajecktDecisionLog", Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogLine(ILogger logger, string line);
}
