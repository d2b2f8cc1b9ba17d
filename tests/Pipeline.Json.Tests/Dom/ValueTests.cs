using Pipeline.Json.Dom;

namespace Pipeline.Json.Tests.Dom;

public class ValueTests
{
    [Fact]
    public void StringsAreUnescaped()
    {
        var root = Given.Json("[\"plain\", \"tab\\there \\\"quoted\\\" \\u00e9 \\ud83d\\ude00\", \"\"]");

        root.Items.Select(i => i.String).Should().Equal("plain", "tab\there \"quoted\" é 😀", "");
        root.Items[0].Kind.Should().Be(JsonKind.String);
    }

    [Fact]
    public void NumbersKeepTheirTextAndValue()
    {
        var root = Given.Json("[1, -0, 2.50, 1.0, 1e2, 1.5, 12345678901234567890, 1e400]");

        root.Items.Select(i => i.NumberText).Should().Equal("1", "-0", "2.50", "1.0", "1e2", "1.5", "12345678901234567890", "1e400");
        root.Items.Select(i => i.Number).Should().Equal(1, 0, 2.5, 1, 100, 1.5, 12345678901234567890d, double.PositiveInfinity);
        root.Items.Select(i => i.IsInteger).Should().Equal(true, true, false, true, true, false, true, false);
    }

    [Fact]
    public void AccessorsOfOtherKindsAreEmpty()
    {
        var root = Given.Json("{\"s\": \"x\", \"t\": true, \"f\": false, \"n\": null}");

        root["s"]!.NumberText.Should().BeNull();
        root["s"]!.Number.Should().Be(0);
        root["s"]!.IsInteger.Should().BeFalse();
        root["t"]!.Boolean.Should().BeTrue();
        root["f"]!.Boolean.Should().BeFalse();
        root["n"]!.Kind.Should().Be(JsonKind.Null);
        root["n"]!.String.Should().BeNull();
        root["t"]!.Properties.Should().BeEmpty();
        root.Items.Should().BeEmpty();
        root["s"]!["x"].Should().BeNull();
        root["missing"].Should().BeNull();
        root.TryGet("missing", out _).Should().BeFalse();
    }

    [Fact]
    public void PropertiesKeepDocumentOrderAndParents()
    {
        var root = Given.Json("{\"b\": 1, \"a\": [true], \"c\": {}}");

        root.Properties.Select(p => p.Name).Should().Equal("b", "a", "c");
        root.Parent.Should().BeNull();
        root["a"]!.Parent.Should().BeSameAs(root);
        root["a"]!.Items[0].Parent.Should().BeSameAs(root["a"]);
        root["a"]!.PropertyName.Should().Be("a");
        root["a"]!.Items[0].Index.Should().Be(0);
        root["c"]!.Properties.Should().BeEmpty();
    }

    [Fact]
    public void TheSameMemberIsAlwaysTheSameInstance()
    {
        var root = Given.Json("{\"a\": {\"b\": [1, 2]}}");

        root["a"].Should().BeSameAs(root.Properties[0].Value);
        root["a"]!["b"]!.Items[1].Should().BeSameAs(root.Resolve("/a/b/1"));
    }

    [Fact]
    public void ChildrenMadeOnManyThreadsAtOnceAreStillOneSet()
    {
        var root = Given.Json("{\"a\": [1, 2, 3], \"b\": {\"c\": true}}");

        var seen = new JsonDatum[16];
        Parallel.For(0, seen.Length, i => seen[i] = root["a"]!.Items[2]);

        seen.Should().AllSatisfy(value => value.Should().BeSameAs(seen[0]));
    }

    [Fact]
    public void ThePropertyListIsMadeOnceWhicheverWayTheMembersWereFirstReached()
    {
        var root = Given.Json("{\n  \"a\": 1,\n  \"b\": {\"c\": 2}\n}");
        var b = root["b"]!;

        var properties = root.Properties;

        properties.Should().BeSameAs(root.Properties);
        properties[1].Value.Should().BeSameAs(b);
        properties[1].NamePosition.Should().Be(new Pipeline.Diagnostics.SourcePosition(3, 3));
        var c = b.Properties.Single();
        (c.Name, c.Value, c.NamePosition).Should().Be(("c", b["c"]!, new Pipeline.Diagnostics.SourcePosition(3, 9)));
    }

    [Fact]
    public void PropertyListsMadeOnManyThreadsAtOnceAreStillOne()
    {
        var root = Given.Json("{\"a\": 1, \"b\": 2, \"c\": 3}");

        var seen = new IReadOnlyList<JsonMember>[16];
        Parallel.For(0, seen.Length, i => seen[i] = root.Properties);

        seen.Should().AllSatisfy(list => list.Should().BeSameAs(seen[0]));
        seen[0][2].Value.Should().BeSameAs(root["c"]);
    }
}
