using AwesomeAssertions;
using Pipeline.Diagnostics.Fingerprints;
using Pipeline.Diagnostics;
using Xunit;

namespace Pipeline.Diagnostics.Tests;

public sealed class DiagnosticFingerprintTests
{
    private static Diagnostic At(int line, string message, string file = "packages/A/a/0/config.json", string code = "UNI103") =>
        new(code, Severity.Error, file, line, 3, message, null);

    [Fact]
    public void A_finding_moved_to_another_line_keeps_its_fingerprint()
    {
        DiagnosticFingerprint.Of(At(10, "duplicate key `x` (first at line 4)"))
            .Should().Be(DiagnosticFingerprint.Of(At(25, "duplicate key `x` (first at line 19)")));
    }

    [Fact]
    public void Rule_file_and_message_each_change_the_fingerprint()
    {
        var one = DiagnosticFingerprint.Of(At(1, "duplicate key `x`"));
        DiagnosticFingerprint.Of(At(1, "duplicate key `y`")).Should().NotBe(one);
        DiagnosticFingerprint.Of(At(1, "duplicate key `x`", file: "packages/A/a/1/config.json")).Should().NotBe(one);
        DiagnosticFingerprint.Of(At(1, "duplicate key `x`", code: "UNI104")).Should().NotBe(one);
    }

    [Theory]
    [InlineData("renders to invalid JSON at line 4, column 17: x", "renders to invalid JSON at line #, column #: x")]
    [InlineData("(rendered line 40: `a`)", "(rendered line #: `a`)")]
    [InlineData("the default 3306 is a string", "the default 3306 is a string")]
    [InlineData("minimum 512 in Lines 3", "minimum 512 in Lines #")]
    public void Only_positions_are_blanked(string message, string expected)
    {
        DiagnosticFingerprint.Positionless(message).Should().Be(expected);
    }

    [Fact]
    public void The_fingerprint_is_sixteen_lower_case_hex_digits()
    {
        DiagnosticFingerprint.Of(At(1, "m")).Should().MatchRegex("^[0-9a-f]{16}$");
    }
}
