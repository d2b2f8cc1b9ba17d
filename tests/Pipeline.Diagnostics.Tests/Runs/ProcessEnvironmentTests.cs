using Pipeline.Diagnostics.Runs;

namespace Pipeline.Diagnostics.Tests.Runs;

public sealed class ProcessEnvironmentTests
{
    private static readonly ProcessEnvironment Environment = ProcessEnvironment.Of(
        new Dictionary<string, string> { ["INPUT_MODE"] = "validate", ["INPUT_PATH"] = "", ["SPACES"] = " " }, "/work/here");

    [Fact]
    public void AnEmptyVariableReadsAsUnset()
    {
        Environment["INPUT_PATH"].Should().BeNull();
        Environment["INPUT_UNSET"].Should().BeNull();
    }

    [Fact]
    public void ASetVariableReadsAsItsValueUntrimmed()
    {
        Environment["INPUT_MODE"].Should().Be("validate");
        Environment["SPACES"].Should().Be(" ");
    }

    [Fact]
    public void NamesAreCaseSensitive() => Environment["input_mode"].Should().BeNull();

    [Fact]
    public void ALookupFunctionGetsTheSameRule()
    {
        var asked = new List<string>();
        var environment = new ProcessEnvironment(name =>
        {
            asked.Add(name);
            return name == "EMPTY" ? "" : "value";
        }, "/work/here");

        environment["EMPTY"].Should().BeNull();
        environment["OTHER"].Should().Be("value");
        asked.Should().Equal("EMPTY", "OTHER");
        environment.CurrentDirectory.Should().Be("/work/here");
    }

    [Fact]
    public void AUserPathIsTakenAgainstTheWorkingFolder()
    {
        Environment.FullPath("tree/../out").Should().Be(Path.GetFullPath("/work/here/out"));
        Environment.FullPath("/elsewhere/x").Should().Be(Path.GetFullPath("/elsewhere/x"));
    }
}
