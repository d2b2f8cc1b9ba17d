using Pipeline.Serving.Merging;

namespace Pipeline.Serving.Tests.Merging;

/// <summary>Conflict notices carry names an upstream chose: escaped, shortened and few per change.</summary>
public sealed class PriorityConflictsTests
{
    [Fact]
    public void AHostileNameIsToldOnOneLineEscapedAndShortened()
    {
        var notices = new List<string>();
        var conflicts = new PriorityConflicts(new AllowList([]), notices.Add);
        var hostile = "kafka\n::error::forged\u001B[2J" + new string('x', 500);

        conflicts.Update(new HashSet<string> { hostile }, [("public", new HashSet<string> { hostile })]);

        var line = notices.Should().ContainSingle().Which;
        line.Should().NotContain("\n").And.NotContain("\u001B").And.Contain("kafka\\n::error::forged\\u001B[2J");
        line.Length.Should().BeLessThan(300, "the name is shortened");
    }

    [Fact]
    public void ManyConflictsAtOnceAreToldUpToTheBoundThenCounted()
    {
        var notices = new List<string>();
        var conflicts = new PriorityConflicts(new AllowList([]), notices.Add);
        var names = Enumerable.Range(0, 1000).Select(i => $"package-{i:D4}").ToHashSet();

        conflicts.Update(names, [("public", names)]);

        notices.Should().HaveCount(PriorityConflicts.MaxNotices + 1);
        notices[^1].Should().StartWith("980 more package name(s)");
        conflicts.Current.Should().HaveCount(1000, "/health still lists every one");
    }
}
