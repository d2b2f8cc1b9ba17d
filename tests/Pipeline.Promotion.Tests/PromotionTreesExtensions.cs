using Pipeline.Repositories.Sources;
using Pipeline.Testing.Trees;

namespace Pipeline.Promotion.Tests;

/// <summary>The staging tree as a package source and a promotion request into production.</summary>
internal static class PromotionTreesExtensions
{
    extension(PromotionTrees trees)
    {
        public IPackageSource Source => new LocalTreeSource(trees.Staging.Root);

        public PromotionRequest Request(string name, string version) => new(name, version, trees.Source, trees.Production.Root);
    }
}
