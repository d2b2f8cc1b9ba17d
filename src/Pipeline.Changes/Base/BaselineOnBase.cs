namespace Pipeline.Changes.Base;

/// <summary>
/// The base branch's universe-baseline.json, the one a pull request is judged by: the head's
/// copy is the pull request's own and may have been edited by it. <see cref="Known"/> is false
/// when the base cannot be seen (a shallow clone whose pull request changes the file).
/// </summary>
public sealed record BaselineOnBase(ReadOnlyMemory<byte>? Content, bool Known)
{
    /// <summary>The base has no baseline (or one too large to be one).</summary>
    public static BaselineOnBase Absent { get; } = new(null, true);

    public static BaselineOnBase Unknown { get; } = new(null, false);

    public static BaselineOnBase Of(ReadOnlyMemory<byte> content) => new(content, true);
}
