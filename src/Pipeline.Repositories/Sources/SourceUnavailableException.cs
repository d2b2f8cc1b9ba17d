namespace Pipeline.Repositories.Sources;

/// <summary>A repository could not be reached or its document could not be read (infrastructure, not user content).</summary>
public sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string message) : base(message) { }

    public SourceUnavailableException(string message, Exception inner) : base(message, inner) { }
}
