using System.Text;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// One step of a compiled template, 24 bytes. Sections are flattened: a section points
/// (<see cref="Jump"/>) to its end and the end back to its section, so rendering needs no
/// recursion. Literal text is a slice of the template itself, not a copy, unless tags that emit
/// nothing fell inside it and it had to be joined. <see cref="Offset"/> is where in the template
/// the step comes from, turned into a line and column only if rendering stops there.
/// </summary>
internal readonly struct Instruction
{
    // A NamePath for a value or section, the joined text for text in pieces, else null.
    private readonly object? _operand;

    // The slice's length for text, the jump target for sections and section ends.
    private readonly int _extent;

    private Instruction(OpCode op, int offset, int extent, object? operand)
    {
        Op = op;
        Offset = offset;
        _extent = extent;
        _operand = operand;
    }

    public OpCode Op { get; }

    /// <summary>Where the step comes from: the tag's opening delimiter, or where the text starts.</summary>
    public int Offset { get; }

    /// <summary>For a section, the index of its end; for a section end, the index of its section.</summary>
    public int Jump => _extent;

    /// <summary>The name a value or section tag looks up.</summary>
    public NamePath Name => (NamePath)_operand!;

    /// <summary>Text that is one slice of the template.</summary>
    public static Instruction Literal(int start, int length) => new(OpCode.Text, start, length, null);

    /// <summary>Text joined from several slices; <paramref name="offset"/> is where the first one starts.</summary>
    public static Instruction Literal(string joined, int offset) => new(OpCode.Text, offset, joined.Length, joined);

    /// <summary>A value or a section, whose jump is set when its end is found.</summary>
    public static Instruction Value(OpCode op, NamePath name, int offset) => new(op, offset, -1, name);

    public static Instruction SectionEnd(int offset, int section) => new(OpCode.SectionEnd, offset, section, null);

    public Instruction WithJump(int jump) => new(Op, Offset, jump, _operand);

    public void AppendText(StringBuilder output, string template)
    {
        if (_operand is string joined) output.Append(joined);
        else output.Append(template, Offset, _extent);
    }
}
