using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Benchmarks.Throughput;

/// <summary>One <c>wrk</c> run: requests per second from its <c>Requests/sec:</c> line, and the non-2xx/3xx count it reports.</summary>
internal static partial class WrkRun
{
    public const string Program = "/usr/bin/wrk";

    public static (double RequestsPerSecond, long Errors) Run(Uri url, int connections, TimeSpan duration, IEnumerable<(string Name, string Value)> fields)
    {
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s" }) start.ArgumentList.Add(argument);
        foreach (var (name, value) in fields)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }
        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var rate = RequestsPerSecond().Match(output);
        if (process.ExitCode != 0 || !rate.Success) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {output}{error.Result}");
        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output) is { Success: true } s ? s.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return (double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), errors + socket);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
