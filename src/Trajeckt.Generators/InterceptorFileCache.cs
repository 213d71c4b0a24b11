using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Trajeckt.Generators.Model;

namespace Trajeckt.Generators;

/// <summary>
/// Binds a file's calls once per syntax tree and tool catalogue. Any edit makes a new compilation, and binding
/// every call of every file again cost 0.36-0.9 s per keystroke on a 10,000-call project; a file whose tree
/// (the same object: unchanged text and options) and catalogue are as before is not bound again.
/// </summary>
/// <remarks>
/// An edit elsewhere can still change what an unchanged file's call binds to without touching a tool (a
/// receiver's type declared in another file). The cached interceptors then no longer match the call, which the
/// compiler refuses (CS9144), or a tool call goes unintercepted, which the complete-mediation check refuses
/// (TRJ2010): a build error until the file is next bound, never a call that runs undecided. A command-line build
/// parses every tree anew, so it never reuses an entry.
/// </remarks>
internal static class InterceptorFileCache
{
    private static readonly ConditionalWeakTable<SyntaxTree, Slot> s_files = new();

    public static InterceptorFileSpec GetOrParse(CompilationUnitSyntax root, ToolCatalogue catalogue, Compilation compilation, CancellationToken cancellationToken)
    {
        var slot = s_files.GetValue(root.SyntaxTree, static _ => new Slot());
        var entry = Volatile.Read(ref slot.Entry);
        if (entry is not null && ReferenceEquals(entry.Options, compilation.Options) && entry.Catalogue.Equals(catalogue))
            return entry.File;
        var file = InterceptorParser.Parse(root, compilation.GetSemanticModel(root.SyntaxTree), cancellationToken);
        Volatile.Write(ref slot.Entry, new Entry(catalogue, compilation.Options, file));
        return file;
    }

    /// <summary>The binding kept for <paramref name="tree"/>, if any: a new object each time the file is bound.</summary>
    public static object? BindingOf(SyntaxTree tree) =>
        s_files.TryGetValue(tree, out var slot) ? Volatile.Read(ref slot.Entry) : null;

    private sealed class Slot
    {
        public Entry? Entry;
    }

    private sealed class Entry(ToolCatalogue catalogue, CompilationOptions options, InterceptorFileSpec file)
    {
        public ToolCatalogue Catalogue { get; } = catalogue;

        public CompilationOptions Options { get; } = options;

        public InterceptorFileSpec File { get; } = file;
    }
}
