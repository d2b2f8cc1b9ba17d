using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Parsing;

/// <summary>Parsing untrusted content never throws, whatever the bytes.</summary>
public class RobustnessTests
{
    private const string Seed = "{\"name\": \"kafka\", \"tags\": [\"a\", 1.5e3, -0, true, null], \"o\": {\"é\\u00e9\": \"x\\n\"}}";

    [Fact]
    public void EveryTruncationOfAValidDocumentIsHandled()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Seed);
        for (var length = 0; length <= bytes.Length; length++)
        {
            var result = JsonParser.Parse(bytes.AsSpan(0, length));
            (result.Root is not null || result.Problems.Count > 0).Should().BeTrue();
        }
    }

    [Fact]
    public void RandomMutationsAreHandled()
    {
        var random = new Random(20240131);
        var seed = System.Text.Encoding.UTF8.GetBytes(Seed);
        byte[] interesting = [.. "{}[],:\"\\/ \r\n\t0-eE.tfn"u8, 0x00, 0x80, 0xC3, 0xEF, 0xBB, 0xBF, 0xFF];
        for (var round = 0; round < 5_000; round++)
        {
            var bytes = (byte[])seed.Clone();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                bytes[random.Next(bytes.Length)] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }

            var result = JsonParser.Parse(bytes);

            if (result.Root is { } root)
            {
                _ = root.ToJsonNode();
                foreach (var property in root.Properties) _ = (property.NamePosition, property.Value.Pointer, property.Value.String, property.Value.Number);
            }
            else
            {
                result.Problems.Should().NotBeEmpty();
                result.Problems.Should().OnlyContain(p => p.Message.Length > 0);
            }
        }
    }

    [Fact]
    public void RandomBytesAreHandled()
    {
        var random = new Random(7);
        for (var round = 0; round < 2_000; round++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);

            var result = JsonParser.Parse(bytes);

            (result.Root is not null || result.Problems.Count > 0).Should().BeTrue();
        }
    }

    [Fact]
    public void TextWithLoneSurrogatesIsHandled()
    {
        var result = JsonParser.Parse("[\"\uD800\"]");

        result.Root!.Items[0].String.Should().Be("\uFFFD");
    }

    [Fact]
    public void AnyEscapedCodeUnitInNamesAndStringsIsHandled()
    {
        var random = new Random(11);
        for (var round = 0; round < 2_000; round++)
        {
            var name = random.Next(0x10000);
            var value = random.Next(0x10000);

            var root = JsonParser.Parse($"{{\"\\u{name:x4}\": \"\\u{value:X4}\", \"\\u{name:x4}\": 0}}").Root!;

            root.Properties[0].Name.Should().Be(((char)name).ToString());
            root.Properties[0].Value.String.Should().Be(((char)value).ToString());
            root.ToJsonNode()!.ToJsonString().Should().NotBeEmpty();
        }
    }
}
