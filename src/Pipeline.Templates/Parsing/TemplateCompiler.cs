using System.Text;
using Pipeline.Diagnostics;
using Pipeline.Templates.Rendering;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Turns scanned tags into the flat program the renderer runs and the public tag list, matching
/// section ends with a stack (no recursion, so nesting depth is bounded only by the input).
/// </summary>
internal sealed class TemplateCompiler
{
    private readonly string _text;
    private readonly LineMap _lines;
    private readonly List<TemplateProblem> _problems;
    private readonly List<Instruction> _program = [];
    private readonly List<MustacheTag> _tags = [];
    private readonly List<OpenSection> _open = [];
    private readonly StringBuilder _pendingText = new();
    private int _pendingTextStart = -1;
    private SectionPath _path = SectionPath.Empty;

    private TemplateCompiler(string text, LineMap lines, List<TemplateProblem> problems)
    {
        _text = text;
        _lines = lines;
        _problems = problems;
    }

    public static (Instruction[] Program, MustacheTag[] Tags) Compile(
        string text, IReadOnlyList<ScannedTag> scanned, LineMap lines, List<TemplateProblem> problems)
    {
        var compiler = new TemplateCompiler(text, lines, problems);
        var textStart = 0;
        foreach (var tag in scanned)
        {
            compiler.AddText(textStart, tag.OccupiedStart);
            textStart = tag.OccupiedEnd;
            compiler.Add(tag);
        }
        compiler.AddText(textStart, text.Length);
        compiler.FlushText();
        foreach (var section in compiler._open)
        {
            problems.Add(new TemplateProblem(
                TemplateProblemKind.UnclosedSection,
                section.Position,
                $"Section '{section.Name}' is never closed; add '{{{{/{section.Name}}}}}'."));
        }
        return (compiler._program.ToArray(), compiler._tags.ToArray());
    }

    private void Add(ScannedTag tag)
    {
        var position = _lines.At(tag.Start);
        if (tag.Kind == TokenKind.SectionEnd)
        {
            Close(tag.Name, position);
            return;
        }

        _tags.Add(new MustacheTag(tag.Name, tag.Kind.ToTagKind(), position, _path));
        switch (tag.Kind)
        {
            case TokenKind.Variable:
                Emit(Instruction.Value(OpCode.Escaped, NamePath.Parse(tag.Name), position));
                break;
            case TokenKind.Unescaped:
                Emit(Instruction.Value(OpCode.Raw, NamePath.Parse(tag.Name), position));
                break;
            case TokenKind.Section or TokenKind.InvertedSection:
                var op = tag.Kind == TokenKind.Section ? OpCode.Section : OpCode.InvertedSection;
                FlushText();
                _open.Add(new OpenSection(tag.Name, _program.Count, position));
                _program.Add(Instruction.Value(op, NamePath.Parse(tag.Name), position));
                _path = _path.Push(tag.Name);
                break;
            case TokenKind.Partial:
                _problems.Add(new TemplateProblem(
                    TemplateProblemKind.PartialNotSupported,
                    position,
                    $"Partial '{tag.Name}' is not supported: package templates cannot include other files."));
                break;
        }
    }

    private void Close(string name, SourcePosition position)
    {
        if (_open.Count == 0)
        {
            _problems.Add(new TemplateProblem(
                TemplateProblemKind.MismatchedSectionEnd,
                position,
                $"Section end '{name}' closes no open section."));
            return;
        }

        var innermost = _open[^1];
        if (!string.Equals(innermost.Name, name, StringComparison.Ordinal))
        {
            _problems.Add(new TemplateProblem(
                TemplateProblemKind.MismatchedSectionEnd,
                position,
                $"Section end '{name}' does not match the innermost open section '{innermost.Name}' " +
                $"(line {innermost.Position.Line}, column {innermost.Position.Column})."));
            return;
        }

        _open.RemoveAt(_open.Count - 1);
        _path = _path.Parent;
        FlushText();
        _program[innermost.Index] = _program[innermost.Index] with { Jump = _program.Count };
        _program.Add(new Instruction(OpCode.SectionEnd, position, "", NamePath.Current, innermost.Index));
    }

    private void Emit(Instruction instruction)
    {
        FlushText();
        _program.Add(instruction);
    }

    // Text around removed tags (comments, standalone lines) is joined into one instruction.
    private void AddText(int start, int end)
    {
        if (end <= start) return;
        if (_pendingTextStart < 0) _pendingTextStart = start;
        _pendingText.Append(_text, start, end - start);
    }

    private void FlushText()
    {
        if (_pendingTextStart < 0) return;
        _program.Add(Instruction.Literal(_pendingText.ToString(), _lines.At(_pendingTextStart)));
        _pendingText.Clear();
        _pendingTextStart = -1;
    }

    private readonly record struct OpenSection(string Name, int Index, SourcePosition Position);
}
