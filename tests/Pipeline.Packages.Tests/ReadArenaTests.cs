using System.Runtime.InteropServices;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Tests;

public sealed class ReadArenaTests
{
    [Fact]
    public void ContentsReadIntoAnArenaEqualTheFiles()
    {
        using var tree = new TempTree();
        var first = tree.Revision("arena", 0);
        var second = tree.Revision("arena", 1, """{"name": "arena", "version": "2.0.0", "note": "a longer package.json than the first"}""");
        tree.Write(Path.Combine(first, "config.json"), """{"type": "object"}""");
        var scanned = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { LoadContent = false }).Revisions;
        var arena = new ReadArena();

        var loaded = scanned[0].Load(arena);
        loaded.PackageJson!.Content.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(tree.Root, first, "package.json")));
        loaded.ConfigJson!.Content.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(tree.Root, first, "config.json")));
        arena.Reset();
        var next = scanned[1].Load(arena);

        next.PackageJson!.Content.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(tree.Root, second, "package.json")));
        // The arena's memory is reused after a reset: the first file read (config.json, in name
        // order) and the second revision's first file start at the same place.
        MemoryMarshal.TryGetArray(loaded.ConfigJson.Content, out var before).Should().BeTrue();
        MemoryMarshal.TryGetArray(next.PackageJson.Content, out var after).Should().BeTrue();
        after.Array.Should().BeSameAs(before.Array);
        after.Offset.Should().Be(before.Offset);
    }

    [Fact]
    public void SlicesTakenBeforeAResetNeverOverlap()
    {
        var arena = new ReadArena();
        var a = arena.Take(ReadArena.ChunkSize - 10);
        var b = arena.Take(100);
        var c = arena.Take(10);
        a.Span.Fill(1);
        b.Span.Fill(2);
        c.Span.Fill(3);

        a.Span.ToArray().Should().OnlyContain(x => x == 1);
        b.Span.ToArray().Should().OnlyContain(x => x == 2);
        c.Span.ToArray().Should().OnlyContain(x => x == 3);
    }

    [Fact]
    public void AFileLargerThanAChunkGetsMemoryOfItsOwn()
    {
        using var tree = new TempTree();
        var revision = tree.Revision("big", 0);
        var big = new byte[ReadArena.ChunkSize + 4096];
        new Random(7).NextBytes(big);
        tree.Write(Path.Combine(revision, "README.md"), big);
        var arena = new ReadArena();

        var loaded = PackageTreeReader.Read(tree.Root, new TreeReaderOptions { LoadContent = false }).Revisions.Single().Load(arena);

        loaded.Readme!.Content.ToArray().Should().Equal(big);
        loaded.PackageJson!.Content.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(tree.Root, revision, "package.json")));
    }
}
