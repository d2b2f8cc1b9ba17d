using Pipeline.Diagnostics.Reports;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Validation.Tests;

/// <summary>
/// YAML nested 50,000 deep overflowed the stack inside YamlDotNet (exit 134, no report): now the
/// depth is bounded while parsing, the file gets UNI106 and the run goes on. Without the bound
/// these tests kill the test host, so they cannot pass by accident.
/// </summary>
public sealed class DeepYamlTests
{
    private const int Levels = 50_000;

    /// <summary><c>a: [[[[…</c>: flow sequences, the shape from the issue.</summary>
    private static readonly string FlowSequences = "a: " + new string('[', Levels) + new string(']', Levels) + "\n";

    /// <summary><c>- - - - …</c>: block sequences, nested on one line.</summary>
    private static readonly string BlockSequences = string.Concat(Enumerable.Repeat("- ", Levels)) + "x\n";

    /// <summary>Block mappings nested by indentation; 1,000 levels (one more space each) keep the file under universe.yaml's size limit.</summary>
    private static readonly string BlockMappings = string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i) + "a:\n")) + new string(' ', 1_000) + "x\n";

    public static TheoryData<string> DeepDocuments() => new() { FlowSequences, BlockSequences, BlockMappings };

    private static ValidationReport Validate(TempTree tree) => TreeValidator.Validate(PackageTreeReader.Read(tree.Root));

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public void DeepUniverseYamlIsReportedAndTheRunGoesOn(string yaml)
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write("universe.yaml", yaml);
        tree.Write($"{revision}/config.json", "{ not json");

        var report = Validate(tree);

        var deep = report.Diagnostics.Should().ContainSingle(d => d.Code == "UNI106", string.Join("\n", report.Diagnostics)).Subject;
        deep.File.Should().Be("universe.yaml");
        deep.Line.Should().BePositive();
        deep.Message.Should().Contain("more than 128 levels");
        report.Diagnostics.Should().Contain(d => d.Code == "UNI102" && d.File == $"{revision}/config.json", "the packages are still validated");
    }

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public void DeepRenderedYamlDescriptorIsReported(string yaml)
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/kubernetes.yaml.mustache", yaml);

        var report = Validate(tree);

        var deep = report.Diagnostics.Should().ContainSingle(d => d.Code == "UNI106", string.Join("\n", report.Diagnostics)).Subject;
        deep.File.Should().Be($"{revision}/kubernetes.yaml.mustache");
        deep.Message.Should().Contain("nested too deeply");
    }

    [Fact]
    public void YamlAtTheDepthLimitIsAccepted()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/kubernetes.yaml.mustache", "a: " + new string('[', 127) + new string(']', 127) + "\n");

        Validate(tree).Diagnostics.Should().NotContain(d => d.Code == "UNI106" || d.Code == "UNI302");
    }
}
