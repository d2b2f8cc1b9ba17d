using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Packages.Yaml;

/// <summary>
/// A YAML event stream that stops with <see cref="YamlTooDeepException"/> once collections nest
/// deeper than <see cref="MaxDepth"/>. YamlDotNet builds nodes recursively, so a hostile
/// <c>[[[[…</c> would otherwise overflow the stack and kill the process; YamlDotNet's own parser
/// is iterative, so counting its events bounds the depth before any recursion happens.
/// </summary>
public sealed class DepthLimitedParser(IParser inner, int maxDepth = DepthLimitedParser.MaxDepth) : IParser
{
    /// <summary>Levels of nested mappings and sequences, as many as JSON package files allow.</summary>
    public const int MaxDepth = 128;

    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > maxDepth)
                {
                    throw new YamlTooDeepException(inner.Current.Start, inner.Current.End,
                        $"collections nest more than {maxDepth} levels deep");
                }
                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }
        return true;
    }
}
