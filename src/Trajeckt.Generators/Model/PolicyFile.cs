using System.Threading;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators.Model;

/// <summary>A .traj additional file's path and text, or the failure to read it (then the build fails with TRJ1008).</summary>
internal sealed record PolicyFile(string Path, string Text, DiagnosticInfo? Failure = null)
{
    public static PolicyFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        try
        {
            return new PolicyFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty);
        }
        catch (System.Exception e) when (GeneratorFailure.IsFailure(e, cancellationToken))
        {
            return new PolicyFile(file.Path, string.Empty, GeneratorFailure.Diagnostic(e, file.Path));
        }
    }
}
