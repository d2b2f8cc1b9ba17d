using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics;
using Pipeline.Templates.Parsing;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// Runs a compiled template against a context. Sections are a loop over a flat program with an
/// explicit stack, and every limit is checked as it goes, so no template can hang, recurse
/// without bound or grow the output past <see cref="RenderLimits.MaxOutputChars"/>.
/// </summary>
internal sealed class TemplateRenderer
{
    private readonly string _text;
    private readonly Instruction[] _program;
    private readonly RenderLimits _limits;
    private readonly StringBuilder _output = new();
    private readonly List<SectionFrame> _frames = [];
    private readonly ContextStack _contexts;
    private long _steps;

    private TemplateRenderer(string text, Instruction[] program, JsonNode? context, RenderLimits limits)
    {
        _text = text;
        _program = program;
        _limits = limits;
        _contexts = new ContextStack(context);
    }

    public static RenderResult Render(string text, Instruction[] program, JsonNode? context, RenderLimits limits) =>
        new TemplateRenderer(text, program, context, limits).Run();

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

    private int EnterInvertedSection(int at, in Instruction section)
    {
        var value = _contexts.Resolve(section.Name);
        if (!Truthiness.IsFalsy(value)) return section.Jump + 1;
        if (_frames.Count >= _limits.MaxDepth) return -1;

        _frames.Add(new SectionFrame(at, null, 0, PushedContext: false));
        return at + 1;
    }

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

    private bool TakeStep() => ++_steps <= _limits.MaxSteps;

    private static RenderResult Stop(TemplateProblem problem) => new(null, [problem]);

    // Line and column are worked out only here, when rendering has to stop.
    private SourcePosition PositionOf(int offset) => new LineMap(_text).At(offset);

    private TemplateProblem TooMuchWork(int at) => new(
        TemplateProblemKind.TooMuchWork,
        PositionOf(at),
        $"Rendering stopped after {_limits.MaxSteps:N0} tag evaluations; sections over lists multiply the work.");

    private TemplateProblem TooDeep(int at) => new(
        TemplateProblemKind.TooDeep,
        PositionOf(at),
        $"Rendering stopped: more than {_limits.MaxDepth} sections open at once.");

    private TemplateProblem OutputTooLarge(int at) => new(
        TemplateProblemKind.OutputTooLarge,
        PositionOf(at),
        $"Rendering stopped: the output exceeds {_limits.MaxOutputChars:N0} characters.");
}
