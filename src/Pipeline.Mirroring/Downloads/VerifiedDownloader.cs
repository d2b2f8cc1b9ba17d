using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Downloads;

/// <summary>
/// Downloads a file into <c>&lt;destination&gt;.part</c>, hashing it with SHA-256 as it arrives,
/// and renames it into place only when the digest is the expected one: a corrupted or truncated
/// download is never seen at the destination. An interrupted transfer leaves its <c>.part</c>
/// file, continued with an HTTP Range request when the server honours one (else started over),
/// guarded by <c>If-Range</c> with the first attempt's validator (<see cref="PartValidator"/>) so
/// two versions of a file are never spliced together.
/// Dropped connections and 5xx answers are retried a bounded number of times.
/// </summary>
public sealed class VerifiedDownloader(HttpClient http, DownloadOptions? options = null)
{
    public const string PartSuffix = ".part";

    private readonly DownloadOptions _options = options ?? new DownloadOptions();

    /// <param name="expectedSha256">64 hex digits to compare with, or null to accept any content (its digest is still returned).</param>
    public async Task<DownloadResult> DownloadAsync(Uri address, string destination, string? expectedSha256,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        DownloadResult Failed(string problem, bool mismatch = false) => new(address, destination, null, 0, problem) { HashMismatch = mismatch };
        if (!address.IsAbsoluteUri || address.Scheme is not ("http" or "https")) return Failed($"{address}: only http and https downloads are supported");
        var expected = Sha256Digest.Normalize(expectedSha256);
        if (expectedSha256 is not null && expected is null) return Failed($"{address}: the expected sha256 `{expectedSha256}` is not 64 hexadecimal digits");

        var part = destination + PartSuffix;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"cannot create the folder for {destination}: {e.Message}");
        }
        string problem = "no attempt was made";
        var restartedAfterMismatch = false;
        for (var attempt = 1; attempt <= Math.Max(1, _options.MaxAttempts); attempt++)
        {
            if (attempt > 1 && _options.RetryDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.RetryDelay * Math.Pow(2, attempt - 2), cancellationToken).ConfigureAwait(false);
            }
            var outcome = await AttemptAsync(address, part, expected, progress, cancellationToken).ConfigureAwait(false);
            if (outcome.Problem is not null)
            {
                problem = outcome.Problem;
                if (outcome.Fatal) return Failed(problem);
                continue;
            }
            if (expected is not null && outcome.Sha256 != expected)
            {
                TryDelete(part);
                // A resumed part may be what is wrong (the file changed on the server): one fresh try.
                if (outcome.Resumed && !restartedAfterMismatch)
                {
                    restartedAfterMismatch = true;
                    attempt--;
                    continue;
                }
                return Failed($"{address}: sha256 mismatch: expected {expected}, got {outcome.Sha256} ({outcome.Bytes:N0} bytes); nothing was installed", mismatch: true);
            }
            try
            {
                File.Move(part, destination, overwrite: true);
                PartValidator.Delete(part);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Failed($"cannot move the download into {destination}: {e.Message}");
            }
            return new DownloadResult(address, destination, outcome.Sha256, outcome.Bytes, null) { Resumed = outcome.Resumed };
        }
        return Failed($"{problem} (gave up after {Math.Max(1, _options.MaxAttempts)} attempts)");
    }

    private async Task<Attempt> AttemptAsync(Uri address, string part, string? expected, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            var existing = File.Exists(part) ? new FileInfo(part).Length : 0;
            var validator = existing > 0 ? PartValidator.Read(part) : null;
            // Without a validator only a known digest can tell a spliced file: otherwise start over.
            if (existing > _options.MaxBytes || (existing > 0 && validator is null && expected is null))
            {
                TryDelete(part);
                existing = 0;
            }
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.AttemptDeadline);
            using var response = await SafeRedirects.SendAsync(http, address, request =>
            {
                if (existing <= 0) return;
                request.Headers.Range = new RangeHeaderValue(existing, null);
                validator?.AddTo(request);
            }, _options.MaxRedirects, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                TryDelete(part);
                return Attempt.Transient($"{address}: the server refused to continue at byte {existing:N0}; starting over");
            }
            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return Attempt.Transient($"{address}: the server answered {status} {response.ReasonPhrase}");
            }
            if (!response.IsSuccessStatusCode) return Attempt.Failed($"{address}: the server answered {status} {response.ReasonPhrase}");

            var range = response.Content.Headers.ContentRange;
            var append = existing > 0 && response.StatusCode == HttpStatusCode.PartialContent && range?.From == existing;
            if (response.StatusCode == HttpStatusCode.PartialContent && !append)
            {
                TryDelete(part);
                return Attempt.Transient($"{address}: the server sent a range that was not asked for; starting over");
            }
            var served = PartValidator.Of(response);
            if (append && validator is not null && served != validator)
            {
                // A server that ignores If-Range: the rest of a different file must not be spliced on.
                TryDelete(part);
                return Attempt.Transient($"{address}: the file changed on the server since the first attempt; starting over");
            }
            if (!append) PartValidator.Write(part, served);
            var total = append ? range!.Length ?? existing + response.Content.Headers.ContentLength : response.Content.Headers.ContentLength;
            if (total > _options.MaxBytes) return Attempt.Failed($"{address}: larger than the limit of {_options.MaxBytes:N0} bytes");

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length;
            await using (var file = new FileStream(part, append ? FileMode.Open : FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            {
                if (append) await HashExistingAsync(file, existing, hash, cancellationToken).ConfigureAwait(false);
                length = append ? existing : 0;
                var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
                try
                {
                    await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
                    int read;
                    while ((read = await body.ReadAsync(buffer, deadline.Token).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                        if (length > _options.MaxBytes)
                        {
                            file.SetLength(0);
                            return Attempt.Failed($"{address}: larger than the limit of {_options.MaxBytes:N0} bytes");
                        }
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        progress?.Report(new DownloadProgress(address, length, total));
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            if (total is { } expectedLength && length != expectedLength)
            {
                if (length > expectedLength) TryDelete(part);
                return Attempt.Transient($"{address}: received {length:N0} of {expectedLength:N0} bytes");
            }
            return new Attempt(null, false, Convert.ToHexStringLower(hash.GetHashAndReset()), length, append);
        }
        catch (HttpRequestException e)
        {
            return Attempt.Transient($"{address}: {e.Message}");
        }
        catch (IOException e)
        {
            // The connection dropped mid-body: what arrived stays in the .part file for the next attempt.
            return Attempt.Transient($"{address}: interrupted: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Attempt.Transient($"{address}: no complete answer within {_options.AttemptDeadline}");
        }
        catch (UriFormatException e)
        {
            return Attempt.Failed($"{address}: {e.Message}");
        }
        catch (SourceUnavailableException e)
        {
            // A refused redirect (to file://, from https down to http, too many): trying again changes nothing.
            return Attempt.Failed(e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Attempt.Failed($"cannot write {part}: {e.Message}");
        }
    }

    private static async Task HashExistingAsync(FileStream file, long length, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            file.Position = 0;
            var remaining = length;
            while (remaining > 0)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                hash.AppendData(buffer, 0, read);
                remaining -= read;
            }
            file.Position = length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void TryDelete(string path)
    {
        PartValidator.Delete(path);
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is overwritten or resumed by the next run.
        }
    }

    private sealed record Attempt(string? Problem, bool Fatal, string? Sha256, long Bytes, bool Resumed)
    {
        public static Attempt Transient(string problem) => new(problem, false, null, 0, false);

        public static Attempt Failed(string problem) => new(problem, true, null, 0, false);
    }
}
