using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Tests.Options;

public sealed class OptionTreeTests
{
    private static OptionTree Read(string schema) => OptionTree.Read(Given.Json(schema));

    private static OptionNode At(OptionTree tree, string path)
    {
        var node = tree.Root;
        foreach (var name in path.Split('.')) node = node.Child(name) ?? throw new InvalidOperationException($"no option {name} under {node.Path}");
        return node;
    }

    public sealed class Requirements
    {
        [Fact]
        public void RequiredAtTheParentInAnAllOfBranchOrByDraft3IsRequired()
        {
            var tree = Read("""
                {"required": ["a"], "properties": {"a": {}, "b": {}, "c": {"required": true}, "d": {}},
                 "allOf": [{"required": ["b"]}, {"allOf": [{"$ref": "#/definitions/needs-d"}]}],
                 "definitions": {"needs-d": {"required": ["d"]}}}
                """);

            tree.Root.Children.Select(c => (c.Name, c.Requirement)).Should().Equal(
                ("a", Requirement.Required), ("b", Requirement.Required), ("c", Requirement.Required), ("d", Requirement.Required));
        }

        [Fact]
        public void RequiredInEveryBranchIsRequiredAndInSomeBranchesConditional()
        {
            var tree = Read("""
                {"properties": {"mode": {}, "zone": {}, "key": {}, "port": {}, "free": {}},
                 "oneOf": [{"required": ["mode", "zone"]}, {"allOf": [{"required": ["mode"]}], "anyOf": [{"required": ["key"]}, {"required": ["key", "zone"]}]}],
                 "dependencies": {"port": ["free"]}}
                """);

            tree.Root.Children.Select(c => (c.Name, c.Requirement)).Should().Equal(
                ("mode", Requirement.Required), ("zone", Requirement.Conditional), ("key", Requirement.Conditional),
                ("port", Requirement.Optional), ("free", Requirement.Conditional));
        }

        [Fact]
        public void AnObjectTypeInAListOfTypesLeavesTheOptionOpen()
        {
            var tree = Read("""{"properties": {"extra": {"type": ["object", "null"]}, "count": {"type": ["integer", "null"]}}}""");

            tree.Root.Child("extra")!.IsOpen.Should().BeTrue();
            tree.Root.Child("count")!.IsOpen.Should().BeFalse();
        }

        [Fact]
        public void AReferenceUnderANestedIdReadsFromThatSubschemaAsTheValidatorDoes()
        {
            var tree = Read("""
                {"definitions": {"port": {"type": "integer"}},
                 "properties": {"service": {"id": "http://example.com/service.json", "definitions": {"port": {"type": "string"}},
                                            "properties": {"port": {"$ref": "#/definitions/port"}}},
                                "port": {"$ref": "#/definitions/port"}}}
                """);

            tree.Root.Child("service")!.Child("port")!.Keyword("type")!.String.Should().Be("string");
            tree.Root.Child("port")!.Keyword("type")!.String.Should().Be("integer");
        }

        [Fact]
        public void AnOptionNamedLikeAKeywordMapIsStillASchemaWhoseIdScopesItsReferences()
        {
            var tree = Read("""
                {"definitions": {"t": {"type": "integer"}},
                 "properties": {"properties": {"id": "http://example.com/p.json", "definitions": {"t": {"type": "boolean"}},
                                               "properties": {"v": {"$ref": "#/definitions/t"}}}}}
                """);

            tree.Root.Child("properties")!.Child("v")!.Keyword("type")!.String.Should().Be("boolean");
        }

        [Fact]
        public void RequiredInsideAReferencedObjectSchemaIsRequired()
        {
            var tree = Read("""
                {"properties": {"service_account": {"$ref": "#/definitions/account"}},
                 "definitions": {"account": {"type": "object", "required": ["secret"], "properties": {"secret": {"type": "string"}, "principal": {"type": "string"}}}}}
                """);

            At(tree, "service_account.secret").Requirement.Should().Be(Requirement.Required);
            At(tree, "service_account.principal").Requirement.Should().Be(Requirement.Optional);
            At(tree, "service_account").Keyword("type")!.String.Should().Be("object");
        }
    }

    public sealed class Members
    {
        [Fact]
        public void PropertiesComeFromTheSchemaItsBranchesAndReferencesOwnOnesFirst()
        {
            var tree = Read("""
                {"oneOf": [{"properties": {"tls": {}}}],
                 "properties": {"name": {}, "node": {"$ref": "#/definitions/node"}},
                 "allOf": [{"properties": {"user": {}, "name": {"description": "again"}}}],
                 "dependencies": {"name": {"properties": {"alias": {}}}},
                 "definitions": {"node": {"allOf": [{"properties": {"cpus": {}}}], "properties": {"mem": {}}}}}
                """);

            tree.Root.Children.Select(c => c.Name).Should().Equal("name", "node", "user", "tls", "alias");
            At(tree, "node").Children.Select(c => c.Name).Should().Equal("mem", "cpus");
            At(tree, "node.cpus").Path.Should().Be("node.cpus");
            At(tree, "tls").IsConditional.Should().BeTrue();
            At(tree, "user").IsConditional.Should().BeFalse();
        }

        [Fact]
        public void AnOptionIsTheSameObjectHoweverItIsReached()
        {
            var tree = Read("""{"properties": {"plain": {"properties": {"a": {}, "b": {}}}, "composed": {"allOf": [{"properties": {"c": {}}}], "properties": {"d": {}}}}}""");

            foreach (var parent in tree.Root.Children)
            {
                foreach (var child in parent.Children) parent.Child(child.Name).Should().BeSameAs(child);
            }
            At(tree, "plain.b").Should().BeSameAs(At(tree, "plain").Children[1]);
            At(tree, "composed").Children.Select(c => c.Name).Should().Equal("d", "c");
        }

        [Fact]
        public void OnlyOptionsThatMayHoldOptionsArePushedForAWalk()
        {
            var tree = Read("""{"properties": {"leaf": {"type": "string"}, "object": {"properties": {"x": {}}}, "gate": {"required": ["y"]}, "ref": {"$ref": "#/definitions/d"}}, "definitions": {"d": {"allOf": []}}}""");

            var pending = new Stack<OptionNode>();
            tree.Root.PushContainers(pending);

            pending.Select(n => n.Name).Should().Equal("object", "gate", "ref");
        }

        [Fact]
        public void KeywordsComeFromDefiniteSchemasBeforeBranches()
        {
            // The shape of real SDK packages: a boolean switch whose `dependencies` branches pin it.
            var tree = Read("""
                {"properties": {"enabled": {"type": "boolean", "default": false, "description": "Switch."}},
                 "dependencies": {"enabled": {"oneOf": [
                   {"properties": {"enabled": {"enum": [false]}}},
                   {"properties": {"enabled": {"enum": [true]}, "port": {"type": "integer", "minimum": 1024, "default": 31419}}}]}}}
                """);

            var enabled = At(tree, "enabled");
            enabled.Keyword("enum").Should().BeNull();
            enabled.Keyword("description")!.String.Should().Be("Switch.");
            At(tree, "port").Keyword("minimum")!.NumberText.Should().Be("1024");
        }

        [Fact]
        public void TheDefaultIsTheOneCosmosReads()
        {
            var tree = Read("""
                {"properties": {"a": {"default": 1}, "r": {"$ref": "#/definitions/r"}, "s": {"$ref": "#/definitions/r", "default": {"x": 3}}},
                 "allOf": [{"properties": {"b": {"default": 2}}}],
                 "definitions": {"r": {"properties": {"x": {"default": 4}}}}}
                """);

            At(tree, "a").Default!.NumberText.Should().Be("1");
            At(tree, "b").Default.Should().BeNull("Cosmos reads no allOf branch");
            At(tree, "r").Default.Should().BeNull();
            At(tree, "r.x").Default.Should().BeNull("Cosmos follows no $ref");
            At(tree, "s").Default!.Kind.Should().Be(JsonKind.Object);
        }

        [Fact]
        public void ArrayItemsAreAnOptionToo()
        {
            var tree = Read("""{"properties": {"volumes": {"type": "array", "items": {"$ref": "#/definitions/v"}}}, "definitions": {"v": {"required": ["size"], "properties": {"size": {"type": "integer"}}}}}""");

            var items = At(tree, "volumes").Items!;
            items.IsItems.Should().BeTrue();
            items.Child("size")!.Path.Should().Be("volumes[].size");
            items.Child("size")!.Requirement.Should().Be(Requirement.Required);
        }

        [Fact]
        public void ShapesWithoutListedPropertiesAreOpen()
        {
            var tree = Read("""
                {"properties": {
                  "free": {"type": "object"},
                  "map": {"type": "object", "additionalProperties": {"type": "string"}},
                  "patterned": {"properties": {"a": {}}, "patternProperties": {"^x": {}}},
                  "remote": {"$ref": "http://example.org/schema.json"},
                  "closed": {"properties": {"a": {}}},
                  "text": {"type": "string"},
                  "branches": {"type": "object", "allOf": [{"properties": {"a": {}}}]}
                }}
                """);

            tree.Root.Children.Where(c => c.IsOpen).Select(c => c.Name).Should().Equal("free", "map", "patterned", "remote");
            tree.Root.IsOpen.Should().BeFalse();
        }
    }

    public sealed class Bounds
    {
        [Fact]
        public void SelfReferencesUnfoldOnlyAsFarAsTheyAreRead()
        {
            var tree = Read("""{"properties": {"a": {"$ref": "#"}, "b": {"$ref": "#"}}, "allOf": [{"$ref": "#"}], "oneOf": [{"$ref": "#/oneOf/0"}]}""");

            var node = tree.Root;
            for (var i = 0; i < OptionTree.MaxDepth; i++) node = node.Child(i % 2 == 0 ? "a" : "b")!;

            node.Depth.Should().Be(OptionTree.MaxDepth);
            node.IsOpen.Should().BeTrue("past the depth bound the shape is unknown");
            node.Children.Should().BeEmpty();
            tree.Truncated.Should().BeFalse();
        }

        [Fact]
        public void WalkingEverythingOfAnExponentialSchemaStopsAtTheVisitBudget()
        {
            var tree = Read("""{"properties": {"a": {"$ref": "#"}, "b": {"$ref": "#"}, "c": {"$ref": "#"}}}""");

            var pending = new Stack<OptionNode>([tree.Root]);
            var seen = 0;
            while (pending.Count > 0 && !tree.Truncated)
            {
                seen++;
                foreach (var child in pending.Pop().Children) pending.Push(child);
            }

            tree.Truncated.Should().BeTrue();
            seen.Should().BeLessThanOrEqualTo(OptionTree.MaxVisits + 1);
        }

        [Fact]
        public void HugeFanOutInBranchesIsBounded()
        {
            var branches = string.Join(',', Enumerable.Range(0, 110_000).Select(i => $"{{\"required\": [\"o{i}\"]}}"));
            var tree = Read("{\"properties\": {\"o0\": {}}, \"allOf\": [" + branches + "]}");

            tree.Root.Children.Count.Should().BeLessThanOrEqualTo(1);
            tree.Truncated.Should().BeTrue();
            tree.Root.IsOpen.Should().BeTrue("a schema not read to its end leaves names open");
        }

        [Fact]
        public void NotAnObjectSchemaHasNoOptions()
        {
            var tree = Read("[1, 2]");

            tree.Root.Children.Should().BeEmpty();
            tree.Root.IsOpen.Should().BeTrue();
        }
    }
}
