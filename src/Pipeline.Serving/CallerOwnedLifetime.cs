using Microsoft.Extensions.Hosting;

namespace Pipeline.Serving;

/// <summary>
/// Replaces the console lifetime, which would take SIGINT/SIGTERM for itself: the caller (the CLI's
/// Ctrl+C handling, a test) decides when the server stops, by disposing it.
/// </summary>
internal sealed class CallerOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
