using System.Collections.ObjectModel;
using Pipeline.Diagnostics;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// The problems found while parsing one template. Positions come from a <see cref="LineMap"/>
/// built only when the first problem arrives, so a clean template never pays for one.
/// </summary>
internal sealed class ProblemList(string text)
{
    private LineMap? _lines;
    private List<TemplateProblem>? _problems;

    /// <summary>True when a problem other than a partial makes the template unusable.</summary>
    public bool IsBroken { get; private set; }

    public SourcePosition PositionOf(int offset) => (_lines ??= new LineMap(text)).At(offset);

    public void Add(TemplateProblemKind kind, int offset, string message)
    {
        (_problems ??= []).Add(new TemplateProblem(kind, PositionOf(offset), message));
        if (kind != TemplateProblemKind.PartialNotSupported) IsBroken = true;
    }

    /// <summary>The problems in document order; problems at the same place keep the order they were found in.</summary>
    public ReadOnlyCollection<TemplateProblem> InOrder()
    {
        if (_problems is null) return ReadOnlyCollection<TemplateProblem>.Empty;
        var ordered = _problems.ToArray();
        // Insertion sort: stable, and a template has few problems.
        for (var i = 1; i < ordered.Length; i++)
        {
            var problem = ordered[i];
            var j = i - 1;
            for (; j >= 0 && Compare(ordered[j].Position, problem.Position) > 0; j--) ordered[j + 1] = ordered[j];
            ordered[j + 1] = problem;
        }
        return new ReadOnlyCollection<TemplateProblem>(ordered);
    }

    private static int Compare(SourcePosition a, SourcePosition b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
}
