using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Benchmarks.Throughput;

/// <summary>
/// Debian's nginx serving a folder on 127.0.0.1, as a non-daemon process with a generated
/// configuration in its own temp folder: <c>gzip_static</c> (and <c>brotli_static</c> when Debian's
/// module is installed) serve the <c>.gz</c>/<c>.br</c> files beside each file, <c>gzip on</c>
/// compresses anything else, <c>/repo</c> is <c>repo-up-to-2.0.json</c>. Stopped by disposing.
/// </summary>
internal sealed class NginxProcess : IDisposable
{
    public const string Program = "/usr/sbin/nginx";
    private const string BrotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

    private readonly Process _process;

    private NginxProcess(Process process, Uri url, bool brotli)
    {
        _process = process;
        Url = url;
        Brotli = brotli;
    }

    public Uri Url { get; }

    /// <summary>Whether <c>brotli_static</c> is on (Debian's libnginx-mod-http-brotli-static installed).</summary>
    public bool Brotli { get; }

    /// <summary>Starts nginx over <paramref name="root"/>, a world-readable folder (workers drop to nobody).</summary>
    public static async Task<NginxProcess> StartAsync(string root, string work)
    {
        var port = FreePort();
        var brotli = File.Exists(BrotliModule);
        Directory.CreateDirectory(Path.Combine(work, "temp"));
        var config = Path.Combine(work, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            {{(brotli ? $"load_module {BrotliModule};" : "")}}
            daemon off;
            worker_processes auto;
            pid {{work}}/nginx.pid;
            error_log {{work}}/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                default_type application/json;
                client_body_temp_path {{work}}/temp/body;
                proxy_temp_path {{work}}/temp/proxy;
                fastcgi_temp_path {{work}}/temp/fastcgi;
                uwsgi_temp_path {{work}}/temp/uwsgi;
                scgi_temp_path {{work}}/temp/scgi;
                gzip on;
                gzip_static on;
                gzip_vary on;
                gzip_types application/json;
                {{(brotli ? "brotli_static on;" : "")}}
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}};
                    location = /repo { rewrite ^ /repo-up-to-2.0.json last; }
                }
            }
            """);
        var start = new ProcessStartInfo(Program, ["-p", work, "-c", config]) { UseShellExecute = false, RedirectStandardError = true };
        var process = Process.Start(start)!;
        var url = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                (await client.GetAsync(new Uri(url, "index.json"))).EnsureSuccessStatusCode();
                return new NginxProcess(process, url, brotli);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"nginx did not answer on {url} within 10 s");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
