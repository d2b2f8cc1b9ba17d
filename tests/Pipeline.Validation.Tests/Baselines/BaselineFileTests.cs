using System.Text;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Validation.Baselines;

namespace Pipeline.Validation.Tests.Baselines;

/// <summary>universe-baseline.json: written deterministically, read back whole, and never trusted blindly.</summary>
public sealed class BaselineFileTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static Diagnostic Duplicate(string file, int line, string key) =>
        RuleCatalog.DuplicateKey.At(file, line, 3, $"duplicate key `{key}` (first at line {line - 1})");

    private static readonly Baseline Sample = Baseline.Of(
    [
        Duplicate("packages/B/beta/0/config.json", 9, "port"),
        Duplicate("packages/A/alpha/2/config.json", 4, "host"),
        Duplicate("packages/A/alpha/2/config.json", 8, "host"),
        RuleCatalog.InvalidDefault.At("packages/A/alpha/2/config.json", 12, 20, "default \"é\" of `mode` is not one of the enum"),
    ]);

    private static BaselineFileResult Parse(string text) => BaselineFile.Parse(Encoding.UTF8.GetBytes(text));

    private static string Entry(string fields) => $$"""{ "formatVersion": "1", "entries": [ { {{fields}} } ] }""";

    private const string GoodFields = """ "file": "packages/A/alpha/0/config.json", "code": "UNI103", "fingerprint": "0123456789abcdef" """;

    [Fact]
    public void WhatIsWrittenReadsBackAsTheSameEntries()
    {
        var read = Parse(BaselineFile.Write(Sample));

        read.Problems.Should().BeEmpty();
        read.Baseline!.Entries.Select(e => (e.Code, e.File, e.Fingerprint, e.Count, e.Message))
            .Should().Equal(Sample.Entries.Select(e => (e.Code, e.File, e.Fingerprint, e.Count, e.Message)));
        read.Baseline.Entries.Should().OnlyContain(e => e.Line > 0, "entries know their line, for UNI406 and UNI116");
    }

    [Fact]
    public void TheSameFindingsInAnyOrderGiveTheSameBytes()
    {
        var shuffled = Baseline.Of(
        [
            RuleCatalog.InvalidDefault.At("packages/A/alpha/2/config.json", 30, 20, "default \"é\" of `mode` is not one of the enum"),
            Duplicate("packages/A/alpha/2/config.json", 18, "host"),
            Duplicate("packages/B/beta/0/config.json", 2, "port"),
            Duplicate("packages/A/alpha/2/config.json", 5, "host"),
        ]);

        BaselineFile.Write(shuffled).Should().Be(BaselineFile.Write(Sample));
    }

    [Fact]
    public void TheFileIsSortedIndentedAndReadable()
    {
        var text = BaselineFile.Write(Sample);

        text.Should().StartWith("{\n  \"formatVersion\": \"1\",\n  \"entries\": [\n    {\n      \"file\": \"packages/A/alpha/2/config.json\",");
        text.Should().EndWith("}\n").And.NotContain("\r");
        text.Should().Contain("\"count\": 2").And.Contain("é", "non-ASCII text stays readable in a diff");
        text.IndexOf("packages/A/alpha", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("packages/B/beta", StringComparison.Ordinal));
    }

    [Fact]
    public void NoFileIsNoBaselineAndNoProblem()
    {
        var read = BaselineFile.Read(_tree.Root);

        read.Baseline.Should().BeNull();
        read.Problems.Should().BeEmpty();
    }

    [Fact]
    public void ApplyReadsTheFileBesideThePackages()
    {
        _tree.Write("packages/A/alpha/0/package.json", """{ "packagingVersion": "4.0", "name": "alpha", "name": "alpha", "version": "1", "maintainer": "m@example.org", "description": "d", "tags": ["t"] }""");
        var report = TreeValidator.Validate(PackageTreeReader.Read(_tree.Root));
        report.Errors.Should().BeGreaterThan(0);
        _tree.Write(Baseline.FileName, BaselineFile.Write(Baseline.Of(report.Diagnostics)));

        var applied = BaselineFile.Apply(report, _tree.Root);

        applied.Errors.Should().Be(0);
        applied.Accepted.Should().HaveCount(report.Diagnostics.Count);
    }

    [Theory]
    [InlineData("[]", 1, "must hold a JSON object")]
    [InlineData("""{ "entries": [] }""", 1, "`formatVersion` is missing")]
    [InlineData("""{ "formatVersion": 1, "entries": [] }""", 1, "`formatVersion` must be \"1\"")]
    [InlineData("""{ "formatVersion": "2", "entries": [] }""", 1, "written by a newer universe")]
    [InlineData("""{ "formatVersion": "1", "entries": {} }""", 1, "`entries` must be an array")]
    [InlineData("{ \"formatVersion\": \"1\",\n  \"entries\": [ ,] }", 2, "the baseline is ignored")]
    public void AFileThatIsNotABaselineIsIgnoredWithAProblemAtItsLine(string text, int line, string message)
    {
        var read = Parse(text);

        read.Baseline.Should().BeNull();
        var problem = read.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("UNI116");
        problem.Severity.Should().Be(Severity.Error);
        problem.File.Should().Be("universe-baseline.json");
        problem.Line.Should().Be(line);
        problem.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("\"not an object\"", "an entry must be an object")]
    [InlineData(""" "file": "packages/A/alpha/0/config.json", "code": "103", "fingerprint": "0123456789abcdef" """, "`code` must be a rule code")]
    [InlineData(""" "file": "packages/A/alpha/0/config.json", "code": 103, "fingerprint": "0123456789abcdef" """, "`code` must be a rule code")]
    [InlineData(""" "file": "packages/A/alpha/0/config.json", "code": "UNI400", "fingerprint": "0123456789abcdef" """, "UNI400 is a change rule")]
    [InlineData(""" "file": "packages/A/alpha/0/../../../../etc/passwd", "code": "UNI103", "fingerprint": "0123456789abcdef" """, "`file` must be a path inside a revision folder")]
    [InlineData(""" "file": "packages\\A\\alpha\\0\\config.json", "code": "UNI103", "fingerprint": "0123456789abcdef" """, "`file` must be a path inside a revision folder")]
    [InlineData(""" "file": "universe.yaml", "code": "UNI103", "fingerprint": "0123456789abcdef" """, "`file` must be a path inside a revision folder")]
    [InlineData(""" "file": ["packages/A/alpha/0/config.json"], "code": "UNI103", "fingerprint": "0123456789abcdef" """, "`file` must be a path inside a revision folder")]
    [InlineData(""" "file": "packages/A/alpha/0/config.json", "code": "UNI103", "fingerprint": "0123456789ABCDEF" """, "`fingerprint` must be 16 lower-case hexadecimal digits")]
    [InlineData(""" "file": "packages/A/alpha/0/config.json", "code": "UNI103" """, "`fingerprint` must be 16")]
    [InlineData(GoodFields + """, "count": 0""", "`count` must be a whole number from 1 to 100,000")]
    [InlineData(GoodFields + """, "count": -3""", "`count` must be a whole number")]
    [InlineData(GoodFields + """, "count": 1.5""", "`count` must be a whole number")]
    [InlineData(GoodFields + """, "count": 1e300""", "`count` must be a whole number")]
    [InlineData(GoodFields + """, "count": "2" """, "`count` must be a whole number")]
    public void AWrongEntryIsLeftOutAndTheOthersStillApply(string fields, string message)
    {
        var read = Parse($$"""
            { "formatVersion": "1", "entries": [
              { "file": "packages/B/beta/0/config.json", "code": "UNI202", "fingerprint": "fedcba9876543210", "count": 2 },
              {{(fields.StartsWith('"') && !fields.Contains(':') ? fields : "{" + fields + "}")}}
            ] }
            """);

        read.Baseline!.Entries.Should().ContainSingle().Which.Count.Should().Be(2);
        var problem = read.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be("UNI116");
        problem.Line.Should().Be(3);
        problem.Message.Should().Contain(message).And.EndWith("the entry is ignored");
    }

    [Fact]
    public void ADuplicateEntryIsReportedAndOnlyTheFirstCounts()
    {
        var read = Parse($$"""
            { "formatVersion": "1", "entries": [
              { {{GoodFields}}, "count": 2 },
              { {{GoodFields}}, "count": 50 }
            ] }
            """);

        read.Baseline!.Entries.Should().ContainSingle().Which.Count.Should().Be(2);
        read.Problems.Should().ContainSingle().Which.Message.Should().Contain("repeats the one at line 2");
    }

    [Fact]
    public void UnknownMembersAndAMissingCountAreFine()
    {
        var read = Parse(Entry(GoodFields + """, "note": "reviewed by ops" """));

        read.Problems.Should().BeEmpty();
        read.Baseline!.Entries.Should().ContainSingle().Which.Count.Should().Be(1);
    }

    [Fact]
    public void DeepNestingIsRefusedWithoutACrash()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);

        var read = Parse($$"""{ "formatVersion": "1", "entries": {{deep}} }""");

        read.Baseline.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Code.Should().Be("UNI116");
    }

    [Fact]
    public void AFileOverTheSizeLimitIsNotRead()
    {
        using (var file = File.Create(Path.Combine(_tree.Root, Baseline.FileName)))
        {
            file.SetLength(BaselineFile.MaxBytes + 1);
        }

        var read = BaselineFile.Read(_tree.Root);

        read.Baseline.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Message.Should().Contain("over the limit of 16,777,216");
    }

    [Fact]
    public void ALinkIsNotFollowed()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"baseline-target-{Guid.NewGuid():N}.json");
        File.WriteAllText(outside, BaselineFile.Write(Sample));
        try
        {
            File.CreateSymbolicLink(Path.Combine(_tree.Root, Baseline.FileName), outside);

            var read = BaselineFile.Read(_tree.Root);

            read.Baseline.Should().BeNull();
            read.Problems.Should().ContainSingle().Which.Message.Should().Contain("symbolic link");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void InvalidUtf8AndBinaryGarbageAreProblemsNotExceptions()
    {
        var read = BaselineFile.Parse(new byte[] { 0x7b, 0xff, 0xfe, 0x00, 0x22 });

        read.Baseline.Should().BeNull();
        read.Problems.Should().NotBeEmpty().And.OnlyContain(p => p.Code == "UNI116");
    }
}
