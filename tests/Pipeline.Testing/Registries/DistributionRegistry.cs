using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Testing.Registries;

/// <summary>
/// Debian's <c>docker-registry</c> (the CNCF distribution registry) started on 127.0.0.1 at a free
/// port, storing in a temp folder; ready once <c>GET /v2/</c> answers, killed and its storage
/// deleted on dispose. <see cref="Missing"/> says why it cannot run here.
/// </summary>
public sealed class DistributionRegistry : IAsyncDisposable
{
    public const string Program = "/usr/bin/docker-registry";

    private readonly Process _process;
    private readonly string _folder;

    private DistributionRegistry(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Host = $"127.0.0.1:{port}";
    }

    /// <summary>host:port, as image references and <c>--push-to</c> name it.</summary>
    public string Host { get; }

    public Uri Root => new($"http://{Host}/");

    /// <summary>Why the registry cannot run here, or null.</summary>
    public static string? Missing => File.Exists(Program) ? null : $"needs {Program} (Debian's docker-registry; .ci/run installs it)";

    public static async Task<DistributionRegistry> StartAsync(CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("universe-registry-").FullName;
        var port = FreePort();
        var config = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "data")}
            http:
              addr: 127.0.0.1:{port}
            """, cancellationToken);
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var registry = new DistributionRegistry(process, folder, port);
        try
        {
            await registry.WaitUntilReadyAsync(error, cancellationToken);
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
        return registry;
    }

    private async Task WaitUntilReadyAsync(Task<string> error, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var http = new HttpClient();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"docker-registry exited ({_process.ExitCode}): {await error}");
            try
            {
                using var response = await http.GetAsync(new Uri(Root, "v2/"), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50, timeout.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
