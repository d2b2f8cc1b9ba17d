using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics;
using Pipeline.Templates.Parsing;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// Runs a compiled template against a context. Sections are a loop over a flat program with an
/// explicit stack, and every limit is checked as it goes, so no template can hang, recurse
/// without bound or grow the output past <see cref="RenderLimits.MaxOutputChars"/>. A thread
/// keeps one renderer and reuses its output buffer and stacks, so a render allocates little more
/// than the string it returns.
/// </summary>
internal sealed class TemplateRenderer
{
    // An output buffer grown past this many characters is left to the collector after use.
    private const int MaxKeptOutputChars = 1 << 20;

    [ThreadStatic]
    private static TemplateRenderer? t_spare;

    private readonly StringBuilder _output = new();
    private readonly List<SectionFrame> _frames = [];
    private readonly ContextStack _contexts = new();
    private string _text = "";
    private Instruction[] _program = [];
    private RenderLimits _limits = RenderLimits.Default;
    private long _steps;

    private TemplateRenderer()
    {
    }

    public static RenderResult Render(string text, Instruction[] program, JsonNode? context, RenderLimits limits)
    {
        var renderer = t_spare ?? new TemplateRenderer();
        t_spare = null;
        renderer._text = text;
        renderer._program = program;
        renderer._limits = limits;
        renderer._contexts.Reset(context);
        var result = renderer.Run();
        renderer.Reset();
        return result;
    }

    // Forget this render (the stacks would otherwise keep its context alive) and offer the
    // buffers to the next render on this thread.
    private void Reset()
    {
        _frames.Clear();
        _contexts.Reset(null);
        _text = "";
        _program = [];
        _limits = RenderLimits.Default;
        _steps = 0;
        if (_output.Capacity > MaxKeptOutputChars) return;
        _output.Clear();
        t_spare = this;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RenderResult Run()
    {
        var at = 0;
        while (at < _program.Length)
        {
            ref readonly var instruction = ref _program[at];
            if (instruction.Op != OpCode.Text && !TakeStep()) return Stop(TooMuchWork(instruction.Offset));

            switch (instruction.Op)
            {
                case OpCode.Text:
                    instruction.AppendText(_output, _text);
                    at++;
                    break;
                case OpCode.Escaped or OpCode.Raw:
                    // Cosmos JSON-escapes every string value before rendering, so {{{x}}} and
                    // {{&x}} insert the same text as {{x}}: the published corpus relies on it.
                    ValueWriter.Write(_output, _contexts.Resolve(instruction.Name), escape: true);
                    at++;
                    break;
                case OpCode.Section:
                    at = EnterSection(at, instruction);
                    break;
                case OpCode.InvertedSection:
                    at = EnterInvertedSection(at, instruction);
                    break;
                case OpCode.SectionEnd:
                    at = LeaveOrRepeat(at);
                    break;
            }

            if (at < 0) return Stop(TooDeep(instruction.Offset));
            if (_output.Length > _limits.MaxOutputChars) return Stop(OutputTooLarge(instruction.Offset));
        }
        return new RenderResult(_output.ToString(), []);
    }

    /// <returns>The next instruction, or -1 when entering would nest too deep.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int EnterSection(int at, in Instruction section)
    {
        var value = _contexts.Resolve(section.Name);
        if (Truthiness.IsFalsy(value)) return section.Jump + 1;
        if (_frames.Count >= _limits.MaxDepth) return -1;

        if (value is JsonArray items)
        {
            _frames.Add(new SectionFrame(at, items, 1, PushedContext: true));
            _contexts.Push(ContextStack.Normalize(items[0]));
        }
        else
        {
            _frames.Add(new SectionFrame(at, null, 0, PushedContext: true));
            _contexts.Push(value);
        }
        return at + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int EnterInvertedSection(int at, in Instruction section)
    {
        var value = _contexts.Resolve(section.Name);
        if (!Truthiness.IsFalsy(value)) return section.Jump + 1;
        if (_frames.Count >= _limits.MaxDepth) return -1;

        _frames.Add(new SectionFrame(at, null, 0, PushedContext: false));
        return at + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LeaveOrRepeat(int at)
    {
        var frame = _frames[^1];
        if (frame.Items is { } items && frame.Next < items.Count)
        {
            _contexts.ReplaceTop(ContextStack.Normalize(items[frame.Next]));
            _frames[^1] = frame with { Next = frame.Next + 1 };
            return frame.Start + 1;
        }

        _frames.RemoveAt(_frames.Count - 1);
        if (frame.PushedContext) _contexts.Pop();
        return at + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TakeStep() => ++_steps <= _limits.MaxSteps;

    private static RenderResult Stop(TemplateProblem problem) => new(null, [problem]);

    // Line and column are worked out only here, when rendering has to stop.
    private SourcePosition PositionOf(int offset) => new LineMap(_text).At(offset);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TemplateProblem TooMuchWork(int at) => new(
        TemplateProblemKind.TooMuchWork,
        PositionOf(at),
        $"Rendering stopped after {_limits.MaxSteps:N0} tag evaluations; sections over lists multiply the work.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TemplateProblem TooDeep(int at) => new(
        TemplateProblemKind.TooDeep,
        PositionOf(at),
        $"Rendering stopped: more than {_limits.MaxDepth} sections open at once.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TemplateProblem OutputTooLarge(int at) => new(
        TemplateProblemKind.OutputTooLarge,
        PositionOf(at),
        $"Rendering stopped: the output exceeds {_limits.MaxOutputChars:N0} characters.");
}
