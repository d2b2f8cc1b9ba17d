namespace Pipeline.Json;

public enum JsonProblemKind
{
    InvalidUtf8,
    ByteOrderMark,
    Syntax,
    TooDeep,
    TooLarge,
    DuplicateKey,
}
