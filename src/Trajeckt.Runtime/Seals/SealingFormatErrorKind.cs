namespace Trajeckt.Sealing;

/// <summary>What is wrong with a key file or a seal file.</summary>
public enum SealingFormatErrorKind
{
    /// <summary>The file could not be read: it is missing, not accessible, or too large.</summary>
    Unreadable,

    /// <summary>The text is not a single JSON object (a syntax error, another JSON value, or invalid UTF-8).</summary>
    Syntax,

    /// <summary>The object has a field that the format does not define.</summary>
    UnknownField,

    /// <summary>A field that the format requires is absent.</summary>
    MissingField,

    /// <summary>A field appears more than once.</summary>
    DuplicateField,

    /// <summary>A field has the wrong JSON type (for example a number where a string is required).</summary>
    WrongType,

    /// <summary>The <c>version</c> field names a format version this library does not read.</summary>
    UnsupportedVersion,

    /// <summary>The file is another kind of file (for example a public key file where a private key file was expected).</summary>
    WrongKind,

    /// <summary>The <c>algorithm</c> field names an algorithm other than Ed25519.</summary>
    UnsupportedAlgorithm,

    /// <summary>A field's value is malformed: bad hexadecimal or base64, a wrong length, or a key id that does not match the key.</summary>
    InvalidValue,

    /// <summary>
    /// A seal file holds valid values but is not spelled exactly as <see cref="SealFile.Format"/> writes it
    /// (whitespace, a byte order mark, another field order or line ending): a seal has one spelling.
    /// </summary>
    NotCanonical,
}
