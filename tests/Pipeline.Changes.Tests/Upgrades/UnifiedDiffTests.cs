using Pipeline.Changes.Upgrades;

namespace Pipeline.Changes.Tests.Upgrades;

/// <summary>The line diff and its unified format, checked against what <c>diff -u</c> prints for the same inputs.</summary>
public sealed class UnifiedDiffTests
{
    private static string Text(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    private static string Diff(string a, string b) => UnifiedDiff.Of(a, b, "a", "b").Text!;

    [Fact]
    public void IdenticalTextsHaveNoDiff()
    {
        var outcome = UnifiedDiff.Of(Text("x", "y"), Text("x", "y"), "a", "b");

        outcome.Identical.Should().BeTrue();
        outcome.Text.Should().BeNull();
        outcome.TooDifferent.Should().BeFalse();
    }

    [Fact]
    public void AnInsertionShowsThreeLinesOfContextEitherSide()
    {
        var before = Text("1", "2", "3", "4", "5", "6", "7", "8");
        var after = Text("1", "2", "3", "4", "new", "5", "6", "7", "8");

        Diff(before, after).Should().Be("--- a\n+++ b\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n");
    }

    [Fact]
    public void ADeletionAtTheStartCountsFromLineOne()
    {
        Diff(Text("gone", "1", "2", "3", "4", "5"), Text("1", "2", "3", "4", "5"))
            .Should().Be("--- a\n+++ b\n@@ -1,4 +1,3 @@\n-gone\n 1\n 2\n 3\n");
    }

    [Fact]
    public void AReplacementIsRemovalThenAddition()
    {
        Diff(Text("a", "b", "c"), Text("a", "B", "c")).Should().Be("--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    }

    [Fact]
    public void ChangesAtMostSixLinesApartShareAHunkAndFartherOnesDoNot()
    {
        string[] lines = [.. Enumerable.Range(1, 30).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var close = (string[])lines.Clone();
        close[4] = "x5";
        close[11] = "x12"; // six unchanged lines between: one hunk, as diff -u
        var far = (string[])lines.Clone();
        far[4] = "x5";
        far[12] = "x13"; // seven between: two hunks

        var merged = Diff(Text(lines), Text(close));
        var split = Diff(Text(lines), Text(far));

        merged.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).Should().Be(1, merged);
        merged.Should().Contain("@@ -2,14 +2,14 @@");
        split.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)).Should().Equal("@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@");
    }

    [Fact]
    public void AnEmptySideIsWhollyAddedOrRemoved()
    {
        Diff("", Text("a", "b")).Should().Be("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        Diff(Text("a"), "").Should().Be("--- a\n+++ b\n@@ -1 +0,0 @@\n-a\n");
    }

    [Fact]
    public void LineEndingsAndAFinalLineBreakAreNoDifference()
    {
        UnifiedDiff.Of("a\r\nb\r\n", "a\nb\n", "a", "b").Identical.Should().BeTrue("CRLF and LF mean the same in a rendered descriptor");
        UnifiedDiff.Of("a\nb", "a\nb\n", "a", "b").Identical.Should().BeTrue("a missing final line break is no line");
        Diff("a\r\nb", "a\nc\n").Should().Be("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
    }

    [Fact]
    public void TextsNeedingMoreEditsThanTheBudgetAreTooDifferent()
    {
        var before = Text([.. Enumerable.Range(0, 50).Select(i => $"old {i}")]);
        var after = Text([.. Enumerable.Range(0, 50).Select(i => $"new {i}")]);

        UnifiedDiff.Of(before, after, "a", "b", maxEdits: 99).TooDifferent.Should().BeTrue("100 lines change, the budget is 99");
        UnifiedDiff.Of(before, after, "a", "b", maxEdits: 100).Text.Should().Contain("@@ -1,50 +1,50 @@");
    }

    [Fact]
    public void InputsBeyondTheLineBoundAreTooDifferentWithoutBeingCompared()
    {
        var huge = new string('\n', LineDiff.MaxLines + 1);

        LineDiff.Compute(UnifiedDiff.Lines(huge), ["x"]).Should().BeNull();
    }

    [Fact]
    public void LinesOnlyAddedAreShownWhateverTheirNumber()
    {
        var added = Text([.. Enumerable.Range(0, LineDiff.MaxLines + 10).Select(i => $"line {i}")]);

        var text = UnifiedDiff.Of(Text("{", "}"), "{\n" + added + "}\n", "a", "b").Text;

        text.Should().StartWith($"--- a\n+++ b\n@@ -1,2 +1,{LineDiff.MaxLines + 12} @@\n {{\n+line 0\n").And.EndWith("+line 20009\n }\n");
    }

    [Fact]
    public void AnyEditScriptRebuildsBothTextsAndIsShortest()
    {
        var random = new Random(15);
        for (var round = 0; round < 200; round++)
        {
            string[] a = [.. Enumerable.Range(0, random.Next(0, 25)).Select(_ => ((char)('a' + random.Next(4))).ToString())];
            string[] b = [.. Enumerable.Range(0, random.Next(0, 25)).Select(_ => ((char)('a' + random.Next(4))).ToString())];

            var edits = LineDiff.Compute(a, b)!;

            edits.Where(e => e.Kind != LineDiffKind.Added).Select(e => a[e.OldIndex]).Should().Equal(a);
            edits.Where(e => e.Kind != LineDiffKind.Removed).Select(e => b[e.NewIndex]).Should().Equal(b);
            edits.Where(e => e.Kind == LineDiffKind.Same).Should().OnlyContain(e => a[e.OldIndex] == b[e.NewIndex]);
            edits.Count(e => e.Kind != LineDiffKind.Same).Should().Be(a.Length + b.Length - 2 * CommonLength(a, b), "Myers finds a shortest script");
        }
    }

    /// <summary>The longest common subsequence by the textbook table, to check the diff against.</summary>
    private static int CommonLength(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }
        return table[a.Length, b.Length];
    }
}
