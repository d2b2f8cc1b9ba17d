namespace Pipeline.Cli.Tests.Printed;

/// <summary>Standard output for `universe serve` in a test: says where it serves as soon as it prints the line.</summary>
public sealed class ServingWriter : StringWriter
{
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The address from the `serving URL …` line.</summary>
    public Task<Uri> Url => _url.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is not null && value.StartsWith("serving ", StringComparison.Ordinal)) _url.TrySetResult(new Uri(value.Split(' ')[1]));
    }
}
