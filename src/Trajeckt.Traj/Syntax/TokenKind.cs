namespace Trajeckt.Traj.Syntax;

internal enum TokenKind
{
    Name,
    Number,
    OpenBrace,
    CloseBrace,
    OpenParen,
    CloseParen,
    Semicolon,
    Colon,
    Comma,
    Bar,
    Star,
    Plus,
    Question,
    Arrow,
    Bad,
    EndOfFile,
}
