using Pipeline.Mirroring.Images;
using Pipeline.Mirroring.Mirror;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.Mirror;

/// <summary>Which sources carry an image layout to take images from: a bundle's <c>tree/</c> beside an <c>images/</c> layout, nothing else.</summary>
public sealed class MirrorSourceTests : IDisposable
{
    private readonly MirrorTrees _trees = new();
    private readonly HttpClient _http = UpstreamClient.ForDownloads();

    public void Dispose()
    {
        _http.Dispose();
        _trees.Dispose();
    }

    private async Task<string?> ImagesLayoutOfAsync(string tree, bool layoutBeside)
    {
        var root = _trees.AddRevision(tree, "hello", 0, "1.0.0");
        if (layoutBeside) _ = new OciImageLayout(Path.Combine(Path.GetDirectoryName(root)!, "images"));
        return (await MirrorSource.OpenAsync(root, new ContentFetcher(_http))).ImagesLayout;
    }

    [Fact]
    public async Task ABundlesTreeBesideAnImageLayoutTakesItsImagesFromThere() =>
        (await ImagesLayoutOfAsync(Path.Combine("bundle", "tree"), layoutBeside: true)).Should().Be(_trees.Path("bundle", "images"));

    [Fact]
    public async Task ABundlesTreeWithoutALayoutHasNone() =>
        (await ImagesLayoutOfAsync(Path.Combine("bundle", "tree"), layoutBeside: false)).Should().BeNull();

    [Fact]
    public async Task AnyOtherTreeHasNoneEvenBesideALayout() =>
        (await ImagesLayoutOfAsync(Path.Combine("work", "staging"), layoutBeside: true)).Should().BeNull();
}
