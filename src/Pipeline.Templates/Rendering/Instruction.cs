using Pipeline.Diagnostics;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// One step of a compiled template. Sections are flattened: a section points (<see cref="Jump"/>)
/// to its end and the end back to its section, so rendering needs no recursion.
/// </summary>
internal readonly record struct Instruction(OpCode Op, SourcePosition Position, string Text, NamePath Name, int Jump)
{
    public static Instruction Literal(string text, SourcePosition position) =>
        new(OpCode.Text, position, text, NamePath.Current, -1);

    public static Instruction Value(OpCode op, NamePath name, SourcePosition position) =>
        new(op, position, "", name, -1);
}
