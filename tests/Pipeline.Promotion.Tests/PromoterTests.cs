using Pipeline.Testing.Trees;

namespace Pipeline.Promotion.Tests;

public sealed class PromoterTests : IDisposable
{
    private readonly PromotionTrees _trees = new();

    public void Dispose() => _trees.Dispose();

    [Fact]
    public async Task A_new_package_becomes_revision_0_and_the_target_validates()
    {
        _trees.Staging.Package("kafka", 3, "2.0.0").Write("packages/K/kafka/3/README.md", "# Kafka\n");
        _trees.Production.Package("zookeeper", 0, "1.0.0");

        var outcome = await Promoter.PromoteAsync(_trees.Request("kafka", "2.0.0"));

        outcome.Status.Should().Be(PromotionStatus.Promoted, outcome.Problem);
        outcome.Plan!.Directory.Should().Be("packages/K/kafka/0");
        outcome.Plan.NewPackage.Should().BeTrue();
        outcome.Validation!.Errors.Should().Be(0);
        File.ReadAllBytes(_trees.InProduction("packages/K/kafka/0/package.json"))
            .Should().Equal(File.ReadAllBytes(Path.Combine(_trees.Staging.Root, "packages/K/kafka/3/package.json")));
        File.ReadAllText(_trees.InProduction("packages/K/kafka/0/README.md")).Should().Be("# Kafka\n");
    }

    [Fact]
    public async Task A_new_version_of_an_existing_package_takes_the_next_revision_number()
    {
        _trees.Staging.Package("kafka", 0, "2.1.0");
        _trees.Production.Package("kafka", 0, "1.0.0").Package("kafka", 4, "2.0.0");

        var outcome = await Promoter.PromoteAsync(_trees.Request("kafka", "2.1.0"));

        outcome.Status.Should().Be(PromotionStatus.Promoted, outcome.Problem);
        outcome.Plan!.Revision.Should().Be(5);
        outcome.Validation!.Errors.Should().Be(0);
        _trees.ProductionFiles().Should().Equal(
            "packages/K/kafka/0/package.json", "packages/K/kafka/4/package.json", "packages/K/kafka/5/package.json");
    }

    [Fact]
    public async Task A_version_the_target_already_has_is_refused_and_nothing_is_written()
    {
        _trees.Staging.Package("kafka", 7, "2.0.0");
        _trees.Production.Package("kafka", 0, "1.0.0").Package("kafka", 1, "2.0.0");
        var before = _trees.ProductionFiles();

        var outcome = await Promoter.PromoteAsync(_trees.Request("kafka", "2.0.0"));

        outcome.Status.Should().Be(PromotionStatus.Conflict);
        outcome.Succeeded.Should().BeFalse();
        outcome.Problem.Should().Contain("revision 1").And.Contain("packages/K/kafka/1");
        _trees.ProductionFiles().Should().Equal(before);
    }

    [Fact]
    public async Task A_promotion_that_fails_validation_is_rolled_back()
    {
        // package.json names another package than its folder: the target would not validate.
        _trees.Staging.Package("kafka", 0, "2.0.0", nameInFile: "kafka-broken");
        _trees.Production.Package("zookeeper", 0, "1.0.0");
        var before = _trees.ProductionFiles();

        var outcome = await Promoter.PromoteAsync(_trees.Request("kafka", "2.0.0"));

        outcome.Status.Should().Be(PromotionStatus.RolledBack);
        outcome.Validation!.Errors.Should().BeGreaterThan(0);
        outcome.Validation.Diagnostics.Should().OnlyContain(d => d.File == null || d.File.StartsWith("packages/K/kafka/", StringComparison.Ordinal));
        _trees.ProductionFiles().Should().Equal(before);
        Directory.Exists(_trees.InProduction("packages/K")).Should().BeFalse("the letter folder the promotion made goes too");
    }

    [Fact]
    public async Task A_dry_run_writes_nothing()
    {
        _trees.Staging.Package("kafka", 0, "2.0.0");
        _trees.Production.Package("kafka", 2, "1.0.0");
        var before = _trees.ProductionFiles();

        var outcome = await Promoter.PromoteAsync(_trees.Request("kafka", "2.0.0") with { DryRun = true });

        outcome.Status.Should().Be(PromotionStatus.Planned);
        outcome.Plan!.Paths.Should().Equal("packages/K/kafka/3/package.json");
        outcome.Validation.Should().BeNull();
        _trees.ProductionFiles().Should().Equal(before);
    }

    [Fact]
    public async Task Keeping_the_working_tree_clean_validates_then_takes_the_files_out()
    {
        _trees.Staging.Package("kafka", 0, "2.0.0");
        _trees.Production.Package("kafka", 0, "1.0.0");
        var before = _trees.ProductionFiles();

        var outcome = await Promoter.PromoteAsync(_trees.Request("kafka", "2.0.0") with { KeepWorkingTreeClean = true });

        outcome.Status.Should().Be(PromotionStatus.Validated);
        outcome.Validation!.Errors.Should().Be(0);
        _trees.ProductionFiles().Should().Equal(before);
    }

    [Fact]
    public async Task A_version_missing_from_the_source_is_reported()
    {
        _trees.Staging.Package("kafka", 0, "2.0.0");
        _trees.Production.Package("kafka", 0, "1.0.0");

        var outcome = await Promoter.PromoteAsync(_trees.Request("kafka", "9.9.9"));

        outcome.Status.Should().Be(PromotionStatus.NotFound);
        outcome.Problem.Should().Contain("kafka@9.9.9");
    }

    [Fact]
    public async Task A_version_from_a_DCOS_repository_file_is_written_as_package_files()
    {
        var template = Convert.ToBase64String("{\"id\": \"/kafka\", \"cpus\": 1}"u8.ToArray());
        var file = Path.Combine(_trees.Staging.Root, "repo.json");
        File.WriteAllText(file, $$$"""
            {"packages": [{"packagingVersion": "4.0", "name": "kafka", "version": "2.0.0", "releaseVersion": 3,
              "maintainer": "team@example.org", "description": "A sample package.", "tags": ["sample"],
              "marathon": {"v2AppMustacheTemplate": "{{{template}}}"}}]}
            """);
        _trees.Production.Package("zookeeper", 0, "1.0.0");
        var source = Pipeline.Repositories.Sources.PackageSources.Create(file, new Pipeline.Repositories.Sources.ContentFetcher(new HttpClient()));

        var outcome = await Promoter.PromoteAsync(new PromotionRequest("kafka", "2.0.0", source, _trees.Production.Root));

        outcome.Status.Should().Be(PromotionStatus.Promoted, outcome.Problem);
        outcome.Validation!.Errors.Should().Be(0, string.Join("\n", outcome.Validation.Diagnostics));
        outcome.Plan!.Source.ReleaseVersion.Should().Be(3);
        _trees.ProductionFiles().Should().Equal(
            "packages/K/kafka/0/marathon.json.mustache", "packages/K/kafka/0/package.json", "packages/Z/zookeeper/0/package.json");
        var packageJson = File.ReadAllText(_trees.InProduction("packages/K/kafka/0/package.json"));
        packageJson.Should().Contain("\"version\": \"2.0.0\"").And.NotContain("releaseVersion").And.NotContain("marathon");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("Kafka")]
    public async Task A_name_that_is_not_a_package_name_is_refused(string name)
    {
        _trees.Production.Package("kafka", 0, "1.0.0");

        var outcome = await Promoter.PromoteAsync(_trees.Request(name, "1.0.0"));

        outcome.Status.Should().Be(PromotionStatus.NotFound);
        outcome.Problem.Should().Contain("not a package name");
    }
}
