using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Rollout;

/// <summary>
/// TRJ2030: a Release build whose code turns shadow mode on (<see cref="ShadowSettings"/>), so that calls the
/// policy refuses would run in production. A warning, because shadow is legitimate in staging, but not
/// configurable: pragmas and severities do not hide it (nor NoWarn, which the package's targets clear of it); only the named MSBuild property
/// <c>TrajecktAllowShadowInRelease</c> (<see cref="ReleaseBuild"/>) or a <c>[SuppressMessage]</c> naming TRJ2030 at
/// one member does. Debug builds register nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShadowInReleaseAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ShadowInRelease);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Another generator's output may turn shadow on as well as hand-written code.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        TrajecktAnalysis.OnTrajecktCompilation(context, (start, _) =>
        {
            var globalOptions = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (ReleaseBuild.AllowsShadow(globalOptions)
                || ReleaseBuild.Describe(start.Compilation, globalOptions) is not { } release
                || start.Compilation.GetTypeByMetadataName("Trajeckt.TrajecktOptions") is not { } options)
                return;
            start.RegisterOperationAction(c => Guard.Run(() => AnalyzeAssignment(c, options, release)),
                OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.DeconstructionAssignment);
            start.RegisterOperationAction(c => Guard.Run(() => AnalyzeValues(c, release)),
                OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Tuple, OperationKind.ArrayInitializer);
            start.RegisterOperationAction(c => Guard.Run(() => AnalyzeLiteral(c, release)), OperationKind.Literal);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol options, string release)
    {
        var how = context.Operation switch
        {
            ISimpleAssignmentOperation simple when !ShadowSettings.IsOff(simple.Value) => ShadowSettings.DescribeTarget(simple.Target, options),
            // '&=' can only keep it off; '|= false' and '^= false' change nothing.
            ICompoundAssignmentOperation compound when compound.OperatorKind != BinaryOperatorKind.And && !ShadowSettings.IsOff(compound.Value)
                => ShadowSettings.DescribeTarget(compound.Target, options),
            IDeconstructionAssignmentOperation deconstruction => DeconstructedShadow(deconstruction.Target, deconstruction.Value, options),
            _ => null,
        };
        if (how is not null)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ShadowInRelease, context.Operation.Syntax.GetLocation(), how, release));
    }

    // '(options.Shadow, x) = (true, 1)': element by element where the value is a tuple literal, else any Shadow target counts.
    private static string? DeconstructedShadow(IOperation target, IOperation? value, INamedTypeSymbol options)
    {
        if (Operations.WithoutConversions(target) is not ITupleOperation targets)
            return null;
        var values = Operations.WithoutConversions(value) is ITupleOperation tuple && tuple.Elements.Length == targets.Elements.Length ? tuple.Elements : default;
        for (var i = 0; i < targets.Elements.Length; i++)
        {
            var element = values.IsDefault ? null : values[i];
            if (!values.IsDefault && ShadowSettings.IsOff(element))
                continue;
            if ((ShadowSettings.DescribeTarget(targets.Elements[i], options) ?? DeconstructedShadow(targets.Elements[i], element, options)) is { } how)
                return how;
        }
        return null;
    }

    private static void AnalyzeValues(OperationAnalysisContext context, string release)
    {
        var values = context.Operation switch
        {
            IInvocationOperation invocation => invocation.Arguments.Select(a => a.Value).ToList(),
            IObjectCreationOperation creation => creation.Arguments.Select(a => a.Value).ToList(),
            ITupleOperation tuple => tuple.Elements.ToList(),
            IArrayInitializerOperation array => array.ElementValues.ToList(),
            _ => null,
        };
        if (values is not null && ShadowSettings.FindKeyWithValue(values) is { } found)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ShadowInRelease, found.At.Syntax.GetLocation(), found.How, release));
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context, string release)
    {
        if (context.Operation.ConstantValue is { HasValue: true, Value: string text } && ShadowSettings.DescribeKeyValueText(text) is { } how)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ShadowInRelease, context.Operation.Syntax.GetLocation(), how, release));
    }
}
