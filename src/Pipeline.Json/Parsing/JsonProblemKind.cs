namespace Pipeline.Json.Parsing;

public enum JsonProblemKind
{
    InvalidUtf8,
    ByteOrderMark,
    Syntax,
    TooDeep,
    TooLarge,
    DuplicateKey,
}
