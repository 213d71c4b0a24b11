using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Trajeckt.Sealing;

/// <summary>
/// A flat JSON object read strictly, as key and seal files must be: one object of named scalars, every
/// name known and present at most once, no escapes, nothing after the object. Errors carry the line and
/// column, so a refused file points at its fault.
/// </summary>
internal sealed class StrictJsonObject
{
    private static readonly byte[] s_utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly Dictionary<string, Field> _fields;
    private readonly string _what;

    private StrictJsonObject(Dictionary<string, Field> fields, string what)
    {
        _fields = fields;
        _what = what;
    }

    /// <summary>Reads <paramref name="utf8"/> as an object whose fields are among <paramref name="fieldNames"/>.</summary>
    /// <param name="utf8">The file's bytes; a leading UTF-8 byte order mark is skipped.</param>
    /// <param name="what">The kind of file, for messages ("a seal file").</param>
    /// <param name="fieldNames">Every field the format (or its family of formats) defines.</param>
    /// <param name="result">The object, or <see langword="null"/>.</param>
    /// <param name="error">Why the bytes were refused, or <see langword="null"/>.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8, string what, string[] fieldNames, [NotNullWhen(true)] out StrictJsonObject? result, [NotNullWhen(false)] out SealingFormatError? error)
    {
        result = null;
        if (utf8.StartsWith(s_utf8Bom))
            utf8 = utf8.Slice(s_utf8Bom.Length);
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        try
        {
            error = ReadFields(utf8, what, fieldNames, fields);
        }
        catch (JsonException ex)
        {
            error = new SealingFormatError(
                SealingFormatErrorKind.Syntax,
                $"{what} must be a JSON object: {WithoutPosition(ex.Message)}",
                (int)(ex.LineNumber ?? 0) + 1,
                (int)(ex.BytePositionInLine ?? 0) + 1);
        }
        if (error is not null)
            return false;
        result = new StrictJsonObject(fields, what);
        return true;
    }

    /// <summary>
    /// Checks that every field is one of <paramref name="fieldNames"/>, for a format that shares its
    /// parse with a sibling format (missing fields are refused when they are read).
    /// </summary>
    public bool TryRejectFieldsOtherThan(string[] fieldNames, [NotNullWhen(false)] out SealingFormatError? error)
    {
        foreach (var pair in _fields)
        {
            if (Array.IndexOf(fieldNames, pair.Key) < 0)
            {
                error = new SealingFormatError(
                    SealingFormatErrorKind.UnknownField,
                    $"unknown field '{pair.Key}'; {_what} has the fields {string.Join(", ", fieldNames)}",
                    pair.Value.NameLine,
                    pair.Value.NameColumn);
                return false;
            }
        }
        error = null;
        return true;
    }

    /// <summary>Gets a string field, refusing a missing field or another JSON type.</summary>
    public bool TryGetString(string name, out string value, [NotNullWhen(false)] out SealingFormatError? error)
    {
        value = "";
        if (!TryGetField(name, out var field, out error))
            return false;
        value = field.Text ?? "";
        error = field.Type == JsonTokenType.String ? null : WrongType(name, field, "a string");
        return error is null;
    }

    /// <summary>Gets an integer field, refusing a missing field, another JSON type, or a number that is not an <see cref="int"/>.</summary>
    public bool TryGetInt32(string name, out int value, [NotNullWhen(false)] out SealingFormatError? error)
    {
        value = 0;
        if (!TryGetField(name, out var field, out error))
            return false;
        value = field.Integer ?? 0;
        error = field.Integer is not null ? null : WrongType(name, field, "an integer");
        return error is null;
    }

    /// <summary>Gets a <c>true</c>/<c>false</c> field, refusing a missing field or another JSON type.</summary>
    public bool TryGetBoolean(string name, out bool value, [NotNullWhen(false)] out SealingFormatError? error)
    {
        value = false;
        if (!TryGetField(name, out var field, out error))
            return false;
        value = field.Type == JsonTokenType.True;
        error = field.Type is JsonTokenType.True or JsonTokenType.False ? null : WrongType(name, field, "true or false");
        return error is null;
    }

    /// <summary>An error about the value of field <paramref name="name"/>, positioned at that value.</summary>
    public SealingFormatError ValueError(string name, SealingFormatErrorKind kind, string message)
    {
        var field = _fields[name];
        return new SealingFormatError(kind, message, field.Line, field.Column);
    }

    private bool TryGetField(string name, out Field field, [NotNullWhen(false)] out SealingFormatError? error)
    {
        error = _fields.TryGetValue(name, out field)
            ? null
            : new SealingFormatError(SealingFormatErrorKind.MissingField, $"{_what} needs the field '{name}'");
        return error is null;
    }

    private SealingFormatError WrongType(string name, Field field, string expected) =>
        new(SealingFormatErrorKind.WrongType, $"the field '{name}' of {_what} must be {expected}", field.Line, field.Column);

    private static SealingFormatError? ReadFields(ReadOnlySpan<byte> utf8, string what, string[] fieldNames, Dictionary<string, Field> fields)
    {
        if (utf8.IsEmpty)
            return new SealingFormatError(SealingFormatErrorKind.Syntax, $"{what} is empty; it must be a JSON object");
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        // With the whole input at hand, Read either returns a token or throws.
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            return At(utf8, reader.TokenStartIndex, SealingFormatErrorKind.Syntax, $"{what} must be a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = reader.TokenStartIndex;
            if (reader.ValueIsEscaped)
                return At(utf8, nameStart, SealingFormatErrorKind.Syntax, $"field names in {what} may not contain escapes");
            if (!TryGetText(ref reader, out var name))
                return At(utf8, nameStart, SealingFormatErrorKind.Syntax, $"{what} contains invalid UTF-8");
            if (Array.IndexOf(fieldNames, name) < 0)
                return At(utf8, nameStart, SealingFormatErrorKind.UnknownField, $"unknown field '{name}' in {what}");
            if (fields.ContainsKey(name))
                return At(utf8, nameStart, SealingFormatErrorKind.DuplicateField, $"the field '{name}' appears twice");
            var (nameLine, nameColumn) = Position(utf8, nameStart);
            reader.Read();
            var (line, column) = Position(utf8, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped)
                        return At(utf8, reader.TokenStartIndex, SealingFormatErrorKind.InvalidValue, $"the field '{name}' may not contain escapes");
                    if (!TryGetText(ref reader, out var text))
                        return At(utf8, reader.TokenStartIndex, SealingFormatErrorKind.Syntax, $"{what} contains invalid UTF-8");
                    fields.Add(name, new Field(JsonTokenType.String, text, null, nameLine, nameColumn, line, column));
                    break;
                case JsonTokenType.Number:
                    fields.Add(name, new Field(JsonTokenType.Number, null, reader.TryGetInt32(out var number) ? number : null, nameLine, nameColumn, line, column));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    // Nested values are never valid here; report the type rather than reading on.
                    return At(utf8, reader.TokenStartIndex, SealingFormatErrorKind.WrongType, $"the field '{name}' of {what} must be a single value, not an object or array");
                default:
                    fields.Add(name, new Field(reader.TokenType, null, null, nameLine, nameColumn, line, column));
                    break;
            }
        }
        // The reader stops at the closing brace; anything but whitespace after it is a syntax error.
        if (reader.Read())
            return At(utf8, reader.TokenStartIndex, SealingFormatErrorKind.Syntax, $"{what} must hold one JSON object and nothing after it");
        return null;
    }

    private static bool TryGetText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static SealingFormatError At(ReadOnlySpan<byte> utf8, long offset, SealingFormatErrorKind kind, string message)
    {
        var (line, column) = Position(utf8, offset);
        return new SealingFormatError(kind, message, line, column);
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8.Slice(0, (int)offset);
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, (int)offset - lastNewline);
    }

    // The reader appends its own 0-based position; ours is 1-based and printed in front.
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message.Substring(0, cut)).TrimEnd('.');
    }

    private readonly record struct Field(JsonTokenType Type, string? Text, int? Integer, int NameLine, int NameColumn, int Line, int Column);
}
