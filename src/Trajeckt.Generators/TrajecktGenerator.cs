using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Trajeckt.Generators.Model;

namespace Trajeckt.Generators;

/// <summary>
/// Binds a project's trajectory commitment at compile time: [Tool] methods and the project's .traj files
/// become the CompiledGraph (through the one Traj compiler), and every call of a tool, and every
/// AIFunctionFactory registration of one, is intercepted so that it goes through the runtime gate.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TrajecktGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tools = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.ToolAttribute,
                // Every node: [Tool] where the generator cannot gate the calls is an error, never ignored.
                static (_, _) => true,
                static (ctx, ct) => ToolDeclarationParser.Parse(ctx.TargetSymbol, ctx.TargetNode, ct))
            .WithTrackingName(TrackingNames.Tools);

        var policies = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".traj", System.StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => PolicyFile.Read(file, ct))
            .WithTrackingName(TrackingNames.Policies);

        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "App");

        var graphs = tools.Collect()
            .Combine(policies.Collect())
            .Combine(assemblyName)
            .Select(static (input, ct) => GraphCompiler.Compile(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.Graphs);

        context.RegisterSourceOutput(graphs, static (spc, graphSet) =>
        {
            foreach (var diagnostic in graphSet.Diagnostics)
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            // A project with no tool and no policy (e.g. one that only references an agent) has nothing to enforce or seal.
            if (graphSet.Trajectories.Count > 0)
                Output(spc, GraphEmitter.HintName, () => GraphEmitter.Emit(graphSet));
        });

        var signing = context.AnalyzerConfigOptionsProvider
            .Select(static (options, ct) => GeneratorFailure.Attempt(() => SigningSetting.From(options.GlobalOptions), SigningSetting.None, "the build properties", ct))
            .WithTrackingName(TrackingNames.Signing);
        context.RegisterSourceOutput(graphs.Select(static (graphSet, _) => graphSet.Trajectories.Count > 0).Combine(signing), static (spc, input) =>
        {
            var (hasGraphs, attempt) = input;
            var setting = attempt.Value;
            if (attempt.Failure is { } failure)
                spc.ReportDiagnostic(failure.ToDiagnostic());
            if (!hasGraphs || !setting.IsSigning || setting.HasKey)
                return;
            spc.ReportDiagnostic(setting.AllowUnsigned
                ? Diagnostic.Create(DiagnosticDescriptors.UnsignedBuild, Location.None, setting.ProjectName)
                : Diagnostic.Create(DiagnosticDescriptors.MissingSigningKey, Location.None, setting.ProjectName, setting.Configuration));
        });

        // One spec per source file: interceptable locations hash the whole file, so an edit re-emits
        // only that file's interceptors.
        // The files are bound through InterceptorFileCache, so that an edit binds again only the edited file
        // (or every file, when a tool or a reference changed).
        var toolCatalogue = tools.Collect()
            .Combine(context.MetadataReferencesProvider.Collect())
            .Select(static (input, _) => new ToolCatalogue(input.Left.ToEquatableArray(), input.Right))
            .WithTrackingName(TrackingNames.ToolCatalogue);
        var interceptorFiles = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => node is CompilationUnitSyntax, static (ctx, _) => (CompilationUnitSyntax)ctx.Node)
            .Combine(toolCatalogue)
            .Combine(context.CompilationProvider)
            .Select(static (input, ct) => InterceptorFileCache.GetOrParse(input.Left.Left, input.Left.Right, input.Right, ct))
            .Where(static file => file.Calls.Count > 0 || file.Registrations.Count > 0 || file.Diagnostics.Count > 0)
            .WithTrackingName(TrackingNames.InterceptorFiles);

        // Unreadable settings count as not enabled: with calls to gate, that is an error (TRJ1005) as well as TRJ1008.
        var interceptorsSetting = context.AnalyzerConfigOptionsProvider
            .Select(static (options, ct) => GeneratorFailure.Attempt(() => InterceptorsSetting.IsEnabled(options.GlobalOptions), false, "the build properties", ct))
            .WithTrackingName(TrackingNames.InterceptorsEnabled);
        context.RegisterSourceOutput(interceptorsSetting, static (spc, attempt) =>
        {
            if (attempt.Failure is { } failure)
                spc.ReportDiagnostic(failure.ToDiagnostic());
        });
        var interceptorsEnabled = interceptorsSetting.Select(static (attempt, _) => attempt.Value);

        context.RegisterSourceOutput(interceptorFiles.Combine(interceptorsEnabled), static (spc, input) =>
        {
            var (file, enabled) = input;
            foreach (var diagnostic in file.Diagnostics)
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (enabled && (file.Calls.Count > 0 || file.Registrations.Count > 0))
                Output(spc, file.HintName, () => InterceptorEmitter.Emit(file));
        });

        // Once per project, not once per file: emitting would only produce CS9137; say instead what to change.
        var interceptorsBlocked = interceptorFiles
            .Where(static file => file.Calls.Count > 0 || file.Registrations.Count > 0)
            .Collect()
            .Combine(interceptorsEnabled)
            .Select(static (input, _) => !input.Right && !input.Left.IsEmpty);
        context.RegisterSourceOutput(interceptorsBlocked, static (spc, blocked) =>
        {
            if (blocked)
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InterceptorsNotEnabled, Location.None));
        });

        var aiFunctionsSetting = context.CompilationProvider
            .Select(static (compilation, ct) => GeneratorFailure.Attempt(
                () => compilation.GetTypeByMetadataName(KnownTypes.DelegatingAIFunction) is not null, false, "the project's references", ct))
            .WithTrackingName(TrackingNames.HasAIFunctions);
        var hasAIFunctions = aiFunctionsSetting.Select(static (attempt, _) => attempt.Value);
        context.RegisterSourceOutput(aiFunctionsSetting, static (spc, attempt) =>
        {
            if (attempt.Failure is { } failure)
                spc.ReportDiagnostic(failure.ToDiagnostic());
            if (attempt.Value)
                Output(spc, GatedAIFunctionEmitter.HintName, GatedAIFunctionEmitter.Emit);
        });

        // Diagnostics of the graphs are reported once, above; this output only adds the functions.
        var aiFunctions = graphs.Combine(hasAIFunctions)
            .Select(static (input, _) => input.Right ? input.Left.Trajectories : EquatableArray<TrajectorySpec>.Empty)
            .WithTrackingName(TrackingNames.AIFunctions);
        context.RegisterSourceOutput(aiFunctions, static (spc, trajectories) =>
        {
            if (trajectories.Count > 0)
                Output(spc, AIFunctionsEmitter.HintName, () => AIFunctionsEmitter.Emit(trajectories));
        });
    }

    // An emitter that throws would make the compiler skip the generator; the failure is an error instead.
    private static void Output(SourceProductionContext context, string hintName, System.Func<string> emit)
    {
        try
        {
            context.AddSource(hintName, emit());
        }
        catch (System.Exception e) when (GeneratorFailure.IsFailure(e, context.CancellationToken))
        {
            GeneratorFailure.Report(context, e, hintName);
        }
    }
}
