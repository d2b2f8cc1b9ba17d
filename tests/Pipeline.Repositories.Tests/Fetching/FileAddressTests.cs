using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Tests.Fetching;

/// <summary>
/// A <c>file://</c> repository is read within the cap HTTP bodies have, whatever length the file
/// system reports: a proc file reports 0 bytes and gives more, /dev/zero never ends.
/// </summary>
public sealed class FileAddressTests
{
    [Fact]
    public async Task AFileGivingMoreThanItReportsIsCutAtTheCap()
    {
        // Reports a length of 0, gives kilobytes: only a streamed, counted read notices.
        var address = new Uri("file:///proc/self/maps");
        using var http = new HttpClient();

        var fetch = () => new ContentFetcher(http, new FetchLimits { MaxBytes = 100 }).FetchAsync(address);

        (await fetch.Should().ThrowAsync<SourceUnavailableException>()).Which.Message.Should().Contain("/proc/self/maps").And.Contain("100");
    }

    [Fact]
    public async Task DevZeroIsRefusedWithoutReadingPastTheCap()
    {
        using var http = new HttpClient();
        var fetcher = new ContentFetcher(http, new FetchLimits { MaxBytes = 1024 * 1024 });

        // The file branch runs on this thread, so its allocations are counted here.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var fetch = fetcher.FetchAsync(new Uri("file:///dev/zero"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        await ((Func<Task>)(() => fetch)).Should().ThrowAsync<SourceUnavailableException>();
        allocated.Should().BeLessThan(4L * 1024 * 1024);
    }

    [Fact]
    public async Task AFileWithinTheCapIsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"repo-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"packages": []}""");
        try
        {
            using var http = new HttpClient();

            var fetched = await new ContentFetcher(http, new FetchLimits { MaxBytes = 100 }).FetchAsync(new Uri(path));

            fetched.Content.Should().Equal("""{"packages": []}"""u8.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
