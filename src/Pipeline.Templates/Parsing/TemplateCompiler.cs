using System.Text;
using Pipeline.Templates.Rendering;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Turns scanned tags, as they come, into the flat program the renderer runs and the public tag
/// list, matching section ends with a stack (no recursion, so nesting depth is bounded only by
/// the input). A thread keeps one compiler and reuses its buffers and its <see cref="NameTable"/>
/// from template to template: package templates share most of their names ("service.name"), so
/// after the first few a parse allocates little more than the program and tags it returns, and a
/// section end that matches allocates nothing.
/// </summary>
internal sealed class TemplateCompiler
{
    // Buffers past these sizes are left to the collector rather than kept for the next parse:
    // a thread holds at most a few megabytes, however unusual the templates it has parsed.
    private const int MaxKeptInstructions = 1 << 14;
    private const int MaxKeptNames = 1 << 13;

    [ThreadStatic]
    private static TemplateCompiler? t_spare;

    private NameTable _names = new();
    private readonly List<Instruction> _program = [];
    private readonly List<MustacheTag> _tags = [];
    private readonly List<OpenSection> _open = [];
    private readonly StringBuilder _joined = new();
    private string _text = "";
    private ProblemList? _problems;
    private LineCursor _lines;
    private SectionPath _path = SectionPath.Empty;
    private int _textStart;

    // Literal text waiting for the next instruction: one slice of the template, or several joined
    // in _joined when tags that emit nothing (comments, standalone lines) fell between them.
    private int _pendingStart = -1;
    private int _pendingEnd;

    private TemplateCompiler()
    {
    }

    private ProblemList Problems => _problems!;

    /// <summary>This thread's compiler, or a new one while it is in use (a parse never re-enters, but be safe).</summary>
    public static TemplateCompiler Start(string text, ProblemList problems)
    {
        var compiler = t_spare ?? new TemplateCompiler();
        t_spare = null;
        compiler._text = text;
        compiler._problems = problems;
        compiler._lines = new LineCursor(text);
        return compiler;
    }

    public void Add(in ScannedTag tag)
    {
        AddText(_textStart, tag.OccupiedStart);
        _textStart = tag.OccupiedEnd;

        if (tag.Kind == TokenKind.SectionEnd)
        {
            Close(tag);
            return;
        }

        var name = tag.NameIn(_text);
        var position = _lines.At(tag.Start);
        switch (tag.Kind)
        {
            case TokenKind.Variable or TokenKind.Unescaped:
                var path = _names.PathOf(name);
                _tags.Add(new MustacheTag(path.Full, tag.Kind.ToTagKind(), position, _path));
                FlushText();
                _program.Add(Instruction.Value(tag.Kind == TokenKind.Variable ? OpCode.Escaped : OpCode.Raw, path, tag.Start));
                break;
            case TokenKind.Section or TokenKind.InvertedSection:
                var section = _names.PathOf(name);
                _tags.Add(new MustacheTag(section.Full, tag.Kind.ToTagKind(), position, _path));
                FlushText();
                _open.Add(new OpenSection(section.Full, _program.Count, tag.Start));
                _program.Add(Instruction.Value(tag.Kind == TokenKind.Section ? OpCode.Section : OpCode.InvertedSection, section, tag.Start));
                _path = _path.Push(section.Full);
                break;
            case TokenKind.Partial:
                var partial = name.ToString();
                _tags.Add(new MustacheTag(partial, TagKind.Partial, position, _path));
                Problems.Add(TemplateProblemKind.PartialNotSupported, tag.Start,
                    $"Partial '{partial}' is not supported: package templates cannot include other files.");
                break;
            default:
                _tags.Add(new MustacheTag(name.ToString(), tag.Kind.ToTagKind(), position, _path));
                break;
        }
    }

    /// <summary>
    /// Ends the template: the remaining text, then a problem for each section left open. The
    /// compiler goes back to the thread and must not be used again by the caller.
    /// </summary>
    public (Instruction[] Program, MustacheTag[] Tags) Finish()
    {
        AddText(_textStart, _text.Length);
        FlushText();
        foreach (var section in _open)
        {
            Problems.Add(TemplateProblemKind.UnclosedSection, section.Offset,
                $"Section '{section.Name}' is never closed; add '{{{{/{section.Name}}}}}'.");
        }
        var result = (_program.ToArray(), _tags.ToArray());
        Reset();
        return result;
    }

    private void Close(in ScannedTag tag)
    {
        var name = tag.NameIn(_text);
        if (_open.Count == 0)
        {
            Problems.Add(TemplateProblemKind.MismatchedSectionEnd, tag.Start,
                $"Section end '{name}' closes no open section.");
            return;
        }

        var innermost = _open[^1];
        if (!name.SequenceEqual(innermost.Name))
        {
            var opened = Problems.PositionOf(innermost.Offset);
            Problems.Add(TemplateProblemKind.MismatchedSectionEnd, tag.Start,
                $"Section end '{name}' does not match the innermost open section '{innermost.Name}' " +
                $"(line {opened.Line}, column {opened.Column}).");
            return;
        }

        _open.RemoveAt(_open.Count - 1);
        _path = _path.Parent;
        FlushText();
        _program[innermost.Index] = _program[innermost.Index].WithJump(_program.Count);
        _program.Add(Instruction.SectionEnd(tag.Start, innermost.Index));
    }

    private void AddText(int start, int end)
    {
        if (end <= start) return;
        if (_pendingStart < 0)
        {
            _pendingStart = start;
            _pendingEnd = end;
            return;
        }
        if (_joined.Length == 0) _joined.Append(_text, _pendingStart, _pendingEnd - _pendingStart);
        _joined.Append(_text, start, end - start);
    }

    private void FlushText()
    {
        if (_pendingStart < 0) return;
        if (_joined.Length == 0)
        {
            _program.Add(Instruction.Literal(_pendingStart, _pendingEnd - _pendingStart));
        }
        else
        {
            _program.Add(Instruction.Literal(_joined.ToString(), _pendingStart));
            _joined.Clear();
        }
        _pendingStart = -1;
    }

    // Forget this template (the lists would otherwise keep its objects alive) and offer the
    // buffers to the next parse on this thread.
    private void Reset()
    {
        _program.Clear();
        _tags.Clear();
        _open.Clear();
        _joined.Clear();
        _text = "";
        _problems = null;
        _path = SectionPath.Empty;
        _textStart = 0;
        _pendingStart = -1;
        if (_program.Capacity > MaxKeptInstructions) return;
        if (_names.Count > MaxKeptNames) _names = new NameTable();
        t_spare = this;
    }

    private readonly record struct OpenSection(string Name, int Index, int Offset);
}
