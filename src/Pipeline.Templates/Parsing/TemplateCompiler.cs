using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.Diagnostics;
using Pipeline.Templates.Rendering;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Turns scanned tags, as they come, into the flat program the renderer runs and the public tag
/// list, matching section ends with a stack (no recursion). Sections nest at most
/// <see cref="MustacheTemplate.MaxSectionDepth"/> deep: past that the template is refused, so no
/// later stage (tag paths, the variable check, rendering) sees a hostile depth. A thread keeps one compiler and reuses its buffers and its <see cref="NameTable"/>
/// from template to template: package templates share most of their names ("service.name"), so
/// after the first few a parse allocates little more than the program and tags it returns, and a
/// section end that matches allocates nothing.
/// </summary>
internal sealed class TemplateCompiler
{
    // Buffers past these sizes are left to the collector rather than kept for the next parse:
    // a thread holds a few megabytes at most, however unusual the templates it has parsed.
    private const int MaxKeptItems = 1 << 14;

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

    // Set when sections nest too deeply: the rest of the template is scanned, not compiled.
    private bool _abandoned;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in ScannedTag tag)
    {
        if (_abandoned) return;
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
                if (_open.Count >= MustacheTemplate.MaxSectionDepth)
                {
                    Abandon(tag.Start);
                    return;
                }
                var section = _names.PathOf(name);
                _tags.Add(new MustacheTag(section.Full, tag.Kind.ToTagKind(), position, _path));
                FlushText();
                _open.Add(new OpenSection(section.Full, _program.Count, tag.Start));
                _program.Add(Instruction.Value(tag.Kind == TokenKind.Section ? OpCode.Section : OpCode.InvertedSection, section, tag.Start));
                _path = _path.Push(section.Full);
                break;
            case TokenKind.Partial:
                AddPartial(name.ToString(), position, tag.Start);
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
        if (!_abandoned && _open.Count > 0) ReportUnclosed();
        var result = (_program.ToArray(), _tags.ToArray());
        Reset();
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Close(in ScannedTag tag)
    {
        var name = tag.NameIn(_text);
        if (_open.Count == 0 || !name.SequenceEqual(_open[^1].Name))
        {
            ReportMismatch(name.ToString(), tag.Start);
            return;
        }

        var innermost = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        _path = _path.Parent;
        FlushText();
        _program[innermost.Index] = _program[innermost.Index].WithJump(_program.Count);
        _program.Add(Instruction.SectionEnd(tag.Start, innermost.Index));
    }

    /// <summary>One problem for all the sections left open: the outermost, and how many more.</summary>
    private void ReportUnclosed()
    {
        var first = _open[0];
        var more = _open.Count - 1;
        var rest = more switch
        {
            0 => "",
            1 => " (and 1 more unclosed section)",
            _ => $" (and {more:N0} more unclosed sections)",
        };
        Problems.Add(TemplateProblemKind.UnclosedSection, first.Offset,
            $"Section '{first.Name}' is never closed; add '{{{{/{first.Name}}}}}'{rest}.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Abandon(int offset)
    {
        _abandoned = true;
        Problems.Add(TemplateProblemKind.TooDeep, offset,
            $"Sections nest more than {MustacheTemplate.MaxSectionDepth} levels deep here; descriptors nest a few levels at most.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddPartial(string name, SourcePosition position, int offset)
    {
        _tags.Add(new MustacheTag(name, TagKind.Partial, position, _path));
        Problems.Add(TemplateProblemKind.PartialNotSupported, offset,
            $"Partial '{name}' is not supported: package templates cannot include other files.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportMismatch(string name, int offset)
    {
        if (_open.Count == 0)
        {
            Problems.Add(TemplateProblemKind.MismatchedSectionEnd, offset, $"Section end '{name}' closes no open section.");
            return;
        }
        var innermost = _open[^1];
        var opened = Problems.PositionOf(innermost.Offset);
        Problems.Add(TemplateProblemKind.MismatchedSectionEnd, offset,
            $"Section end '{name}' does not match the innermost open section '{innermost.Name}' " +
            $"(line {opened.Line}, column {opened.Column}).");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddText(int start, int end)
    {
        if (end <= start) return;
        if (_pendingStart < 0)
        {
            _pendingStart = start;
            _pendingEnd = end;
            return;
        }
        Join(start, end);
    }

    private void Join(int start, int end)
    {
        if (_joined.Length == 0) _joined.Append(_text, _pendingStart, _pendingEnd - _pendingStart);
        _joined.Append(_text, start, end - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FlushText()
    {
        if (_pendingStart < 0) return;
        _program.Add(_joined.Length == 0
            ? Instruction.Literal(_pendingStart, _pendingEnd - _pendingStart)
            : JoinedLiteral());
        _pendingStart = -1;
    }

    private Instruction JoinedLiteral()
    {
        var text = _joined.ToString();
        _joined.Clear();
        return Instruction.Literal(text, _pendingStart);
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
        _lines = new LineCursor("");
        _problems = null;
        _path = SectionPath.Empty;
        _textStart = 0;
        _abandoned = false;
        _pendingStart = -1;
        if (_program.Capacity > MaxKeptItems || _tags.Capacity > MaxKeptItems || _open.Capacity > MaxKeptItems
            || _joined.Capacity > MaxKeptItems) return;
        if (_names.IsOversized) _names = new NameTable();
        t_spare = this;
    }

    private readonly record struct OpenSection(string Name, int Index, int Offset);
}
