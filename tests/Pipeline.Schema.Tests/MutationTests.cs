using Pipeline.Schema.Tests.Mutations;
using Xunit.Abstractions;
using Pipeline.Testing;

namespace Pipeline.Schema.Tests;

/// <summary>
/// Corrupts a deterministic sample of corpus files (every 10th revision holding the file) in many ways. Whatever
/// Universe's own schema rejects, ours must reject too; what only ours rejects is listed in the test output.
/// </summary>
public sealed class MutationTests(ITestOutputHelper output)
{
    private const int SampleEvery = 10;

    [CorpusTheory]
    [InlineData("package.json", int.MaxValue, int.MaxValue)]
    [InlineData("resource.json", int.MaxValue, int.MaxValue)]
    [InlineData("command.json", int.MaxValue, int.MaxValue)]
    // Config schemas run to thousands of nodes and each validation walks all of them: mutate only the root, its
    // options and their keywords (where every rule of the meta-schema applies), and a fixed random subset of those.
    [InlineData("config.json", 3, 30)]
    public void WhateverUniverseRejectsOursRejects(string fileName, int depth, int treeMutationsPerFile)
    {
        var universe = UniverseSchemas.For(fileName);
        var tally = new MutationTally(fileName);
        var sample = CorpusRevisions.Revisions.Where(r => r.Has(fileName)).Where((_, i) => i % SampleEvery == 0);
        foreach (var revision in sample)
        {
            var original = SchemaSet.Parse(revision.Read(fileName));
            var ours = fileName == "package.json"
                ? SchemaSet.OursForPackaging(original["packagingVersion"]?.ToString())
                : SchemaSet.Ours(fileName);
            if (ours is null || !SchemaSet.IsValid(universe, original))
            {
                tally.SkippedFiles.Add(revision.Display(fileName));
                continue;
            }
            tally.CountFile();
            var treeMutations = Subset(TreeMutator.Mutate(original, depth), treeMutationsPerFile, seed: tally.Files);
            foreach (var mutation in treeMutations.Concat(TargetedMutations.For(fileName, original)))
            {
                tally.Add(revision, mutation, !SchemaSet.IsValid(universe, mutation.Document), !SchemaSet.IsValid(ours, mutation.Document));
            }
        }
        output.WriteLine(tally.Report());

        tally.Files.Should().BeGreaterThan(0, $"the sample holds {fileName} files");
        tally.BothReject.Should().BeGreaterThan(0, "some mutations break Universe's rules");
        tally.Missed.Should().BeEmpty($"our schema must reject every {fileName} that Universe's rejects:\n{string.Join("\n", tally.Missed)}");
    }

    /// <summary>At most <paramref name="count"/> of the mutations, the same ones on every run.</summary>
    private static IEnumerable<Mutation> Subset(IReadOnlyList<Mutation> mutations, int count, int seed)
    {
        if (mutations.Count <= count) return mutations;
        var random = new Random(seed);
        return mutations.Select(m => (Key: random.Next(), Mutation: m)).OrderBy(p => p.Key).Take(count).Select(p => p.Mutation);
    }
}
