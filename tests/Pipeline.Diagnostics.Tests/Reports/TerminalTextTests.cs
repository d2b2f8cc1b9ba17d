using Pipeline.Diagnostics.Reports;

namespace Pipeline.Diagnostics.Tests.Reports;

public sealed class TerminalTextTests
{
    private const string Forged = "y\n::error file=x::forged\r\t\u001b[2K\u202Eevil\u2028";

    [Fact]
    public void ControlCharactersSeparatorsAndBidiOverridesBecomeVisible()
    {
        TerminalText.Escape(Forged).Should().Be("y\\n::error file=x::forged\\r\\t\\u001B[2K\\u202Eevil\\u2028");
        TerminalText.Escape("packages/A/alpha/0/package.json").Should().Be("packages/A/alpha/0/package.json");
        TerminalText.Escape(null).Should().BeEmpty();
    }

    [Fact]
    public void ADiagnosticWithAForgedWorkflowCommandInItsFileAndMessageIsOneLineOfTextOutput()
    {
        var report = new ValidationReport("/repo", 1, 1,
        [
            RuleCatalog.UnknownRevisionFile.At("packages/A/alpha/0/" + Forged, "`" + Forged + "` is not a revision file") with { Hint = "see\n::warning::x" },
        ]);
        var text = new StringWriter();
        new TextReportWriter(color: false).Write(report, text);
        var lines = text.ToString().Split(Environment.NewLine);

        lines.Should().NotContain(l => l.StartsWith("::", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.Contains("error file=x", StringComparison.Ordinal) && l.StartsWith("  warning UNI006 ", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.StartsWith("    `y\\n::error file=x::forged", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.StartsWith("    hint: see\\n::warning::x", StringComparison.Ordinal));
        text.ToString().Should().NotContainAny("\r", "\u001b", "\u202E", "\u2028");
    }

    [Fact]
    public void DiagnosticToStringIsOneLine()
    {
        var diagnostic = RuleCatalog.UnknownRevisionFile.At("packages/A/alpha/0/" + Forged, Forged);
        diagnostic.ToString().Should().NotContainAny("\n", "\r", "\u001b").And.Contain("y\\n::error file=x::forged");
    }
}
