using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj;

/// <summary>
/// The one Traj compiler: text to checked, canonical <see cref="CompiledGraph"/>s. The source generator,
/// the runtime and the CLI all compile through here, so a policy means the same thing everywhere.
/// </summary>
public static class TrajCompiler
{
    /// <summary>Parses, checks and compiles every trajectory of a policy file.</summary>
    /// <param name="text">The policy's text.</param>
    /// <param name="filePath">The name to report in diagnostics (any string; not opened).</param>
    /// <param name="options">Tools declared outside the text, or <see langword="null"/>.</param>
    /// <returns>The compilation: its diagnostics, and the compiled trajectories when there is no error.</returns>
    public static TrajCompilation Compile(string text, string filePath, TrajCompilerOptions? options = null)
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        if (filePath is null)
            throw new ArgumentNullException(nameof(filePath));
        var hostTools = options?.HostTools ?? Array.Empty<HostTool>();

        var parse = TrajParser.Parse(text, filePath);
        var diagnostics = new List<TrajDiagnostic>(parse.Diagnostics);
        var trajectories = new List<CompiledTrajectory>();

        // A tree with syntax errors is incomplete (recovery drops broken statements), so checking it
        // would only add follow-on errors such as "unknown tool" for a tool line that failed to parse.
        if (!parse.HasErrors)
        {
            var sink = new DiagnosticSink(parse);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var syntax in parse.Syntax.Trajectories)
            {
                if (!names.Add(syntax.Name.Value))
                {
                    sink.Error(SemanticDiagnosticCodes.DuplicateTrajectory, syntax.Name.Span, $"trajectory '{syntax.Name.Value}' is already defined in this file");
                    continue;
                }
                var graph = TrajectoryBinder.Bind(syntax, sink, TrajCompilerLimits.Default, hostTools);
                if (graph is null)
                    continue;
                var encoding = GraphEncoder.Encode(graph);
                // Every other limit of the format is checked where it is written; this one needs the bytes.
                if (encoding.Length > GraphLimits.MaxEncodingBytes)
                    sink.Error(SemanticDiagnosticCodes.GraphTooLarge, syntax.Name.Span,
                        $"the graph of trajectory '{syntax.Name.Value}' encodes to {encoding.Length} bytes; a graph is at most {GraphLimits.MaxEncodingBytes} bytes (long names and many tools or labels add up)");
                else
                    trajectories.Add(new CompiledTrajectory(graph, encoding, parse.GetLocation(syntax.Name.Span)));
            }
            diagnostics.AddRange(sink.Diagnostics);
        }

        diagnostics.Sort(static (a, b) => a.Location.Start != b.Location.Start
            ? a.Location.Start.CompareTo(b.Location.Start)
            : string.CompareOrdinal(a.Code, b.Code));
        var success = !diagnostics.Any(d => d.IsError);
        return new TrajCompilation(parse.Syntax, diagnostics, success ? trajectories : new List<CompiledTrajectory>());
    }

    /// <summary>
    /// Compiles the auto-commitment of a project that has no policy: every host tool with its declared
    /// effects, in any order (plan <c>_*</c>), no flows, default floors.
    /// </summary>
    /// <param name="trajectoryName">The trajectory's name.</param>
    /// <param name="hostTools">The tools.</param>
    /// <returns>The compilation, with one trajectory when the tools are valid.</returns>
    public static TrajCompilation CompileAutoCommitment(string trajectoryName, IReadOnlyList<HostTool> hostTools)
    {
        if (trajectoryName is null)
            throw new ArgumentNullException(nameof(trajectoryName));
        if (hostTools is null)
            throw new ArgumentNullException(nameof(hostTools));
        var text = $"trajectory {TrajFormatter.FormatName(trajectoryName)} {{\n}}\n";
        return Compile(text, "<auto-commitment>", new TrajCompilerOptions { HostTools = hostTools });
    }
}
