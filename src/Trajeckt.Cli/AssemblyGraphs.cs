using System.Diagnostics.CodeAnalysis;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Trajeckt.Sealing;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli;

/// <summary>
/// Reads the graphs that the generator recorded in an assembly (<c>[assembly: TrajecktGraph(name, base64)]</c>)
/// from its metadata alone: the assembly is never loaded, so sealing runs none of the app's code. Every
/// graph is decoded strictly; one bad attribute fails the whole assembly, so a seal is never written for
/// part of what the code enforces.
/// </summary>
internal static class AssemblyGraphs
{
    private const string AttributeNamespace = "Trajeckt.Interception";
    private const string AttributeName = "TrajecktGraphAttribute";

    /// <summary>Whether the file starts like a PE image ("MZ"), which no Traj policy or graph file does.</summary>
    public static bool LooksLikeAssembly(string path)
    {
        if (!File.Exists(path))
            return false;
        Span<byte> head = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == 2 && head[0] == (byte)'M' && head[1] == (byte)'Z';
    }

    /// <summary>Reads the assembly's simple name and graphs, or returns a one-line reason naming the file.</summary>
    public static bool TryRead(string path, [NotNullWhen(true)] out string? assemblyName, [NotNullWhen(true)] out IReadOnlyList<AssemblyGraph>? graphs, [NotNullWhen(false)] out string? error)
    {
        assemblyName = null;
        graphs = null;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                error = $"{path}: not a .NET assembly (no metadata)";
                return false;
            }
            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                error = $"{path}: a module without an assembly manifest; seal the assembly";
                return false;
            }
            var definition = metadata.GetAssemblyDefinition();
            assemblyName = metadata.GetString(definition.Name);
            return TryReadGraphs(path, metadata, definition, out graphs, out error);
        }
        catch (BadImageFormatException ex)
        {
            error = $"{path}: not a valid .NET assembly: {ex.Message}";
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot read the assembly: {ex.Message}";
            return false;
        }
    }

    private static bool TryReadGraphs(string path, MetadataReader metadata, AssemblyDefinition definition, [NotNullWhen(true)] out IReadOnlyList<AssemblyGraph>? graphs, [NotNullWhen(false)] out string? error)
    {
        graphs = null;
        var found = new List<AssemblyGraph>();
        var ordinal = 0;
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsGraphAttribute(metadata, attribute.Constructor))
                continue;
            ordinal++;
            // Positions name the attribute's place among the graph attributes, the only handle a user has on them.
            var where = $"{path}: graph attribute {ordinal}";
            if (!TryReadArguments(metadata, attribute, out var trajectory, out var base64))
            {
                error = $"{where}: the attribute's value is not (string trajectory, string encoding)";
                return false;
            }
            if (!TryDecode(trajectory, base64, out var graph, out error))
            {
                error = $"{where} (trajectory '{trajectory}'): {error}";
                return false;
            }
            if (found.Any(g => g.Trajectory == trajectory))
            {
                error = $"{where}: trajectory '{trajectory}' is recorded twice";
                return false;
            }
            found.Add(graph);
        }
        graphs = found;
        error = null;
        return true;
    }

    private static bool TryDecode(string trajectory, string base64, [NotNullWhen(true)] out AssemblyGraph? graph, [NotNullWhen(false)] out string? error)
    {
        graph = null;
        if (!StrictBase64.TryDecode(base64, out var encoding))
        {
            error = "the encoding is not canonical base64";
            return false;
        }
        if (!GraphDecoder.TryDecode(encoding, out var decoded, out var formatError))
        {
            error = $"byte {formatError.Offset}: the recorded bytes are not a graph: {formatError.Message}";
            return false;
        }
        // The seal's file name comes from the attribute and its bytes from the graph: they must agree.
        if (!string.Equals(decoded.Name, trajectory, StringComparison.Ordinal))
        {
            error = $"the recorded graph is trajectory '{decoded.Name}', not '{trajectory}'";
            return false;
        }
        graph = new AssemblyGraph(trajectory, encoding, decoded);
        error = null;
        return true;
    }

    // The custom attribute blob (ECMA-335 II.23.3): prolog 0x0001, the fixed arguments, then a count of
    // named arguments. The graph attribute has exactly two non-null strings and no named arguments.
    private static bool TryReadArguments(MetadataReader metadata, CustomAttribute attribute, [NotNullWhen(true)] out string? trajectory, [NotNullWhen(true)] out string? base64)
    {
        var blob = metadata.GetBlobReader(attribute.Value);
        trajectory = null;
        base64 = null;
        if (blob.RemainingBytes < 2 || blob.ReadUInt16() != 1)
            return false;
        trajectory = blob.ReadSerializedString();
        base64 = blob.ReadSerializedString();
        return trajectory is not null && base64 is not null
            && blob.RemainingBytes == 2 && blob.ReadUInt16() == 0;
    }

    // The attribute lives in Trajeckt.Runtime, so in an app it is a member reference to a type reference.
    // Matching by name is enough: a look-alike attribute could only get other bytes sealed, and the app's
    // BeginSession checks the seal against the graph compiled into its code, so it would then refuse.
    private static bool IsGraphAttribute(MetadataReader metadata, EntityHandle constructor)
    {
        if (constructor.Kind != HandleKind.MemberReference)
            return false;
        var parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
            return false;
        var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
        return metadata.StringComparer.Equals(type.Namespace, AttributeNamespace)
            && metadata.StringComparer.Equals(type.Name, AttributeName);
    }
}
