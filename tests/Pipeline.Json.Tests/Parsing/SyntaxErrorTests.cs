using Pipeline.Diagnostics;
using Pipeline.Json.Parsing;

namespace Pipeline.Json.Tests.Parsing;

public class SyntaxErrorTests
{
    public static TheoryData<string, int, int, string> Cases => new()
    {
        { "{\"a\": 1,}", 1, 8, "trailing comma after the last property; remove the ','" },
        { "[1, 2,\n]", 1, 6, "trailing comma after the last array item; remove the ','" },
        { "{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after a property value" },
        { "[1 2]", 1, 4, "expected ',' or ']' after an array item" },
        { "{\"a\" 1}", 1, 6, "expected ':' after the property name" },
        { "{\"a\": }", 1, 7, "expected a value, found '}'" },
        { "// note\n{}", 1, 1, "comments are not allowed in JSON" },
        { "{\"a\": 1 /* note */}", 1, 9, "comments are not allowed in JSON" },
        { "{\n  \"a\": \"abc\n}", 2, 12, "line break inside a string: close the string before the end of the line, or write the break as \\n" },
        { "[\"a\tb\"]", 1, 4, "control character U+0009 must be escaped inside a string" },
        { "{\"a\": \"abc", 1, 7, "unterminated string: the closing '\"' is missing" },
        { "{} x", 1, 4, "unexpected 'x' after the end of the JSON value; a file holds exactly one value" },
        { "", 1, 1, "the file is empty; expected a JSON value" },
        { "[tru]", 1, 2, "`tru` is not a JSON value; expected true, false or null" },
        { "[NaN]", 1, 2, "`NaN` is not a JSON value; expected a string, number, object, array, true, false or null" },
        { "[01]", 1, 3, "invalid number" },
        { "{'a': 1}", 1, 2, "property names must be in double quotes, not single quotes" },
        { "{a: 1}", 1, 2, "property names must be strings in double quotes, found 'a'" },
        { "[\"\\x\"]", 1, 4, "invalid escape sequence in a string" },
        { "{\n  \"a\": [1, 2\n", 2, 13, "unexpected end of file: the array opened at line 2, column 8 is never closed (expected ']')" },
        { "{\"a\": [1, 2}", 1, 12, "'}' does not close the array opened at line 1, column 7; expected ',' or ']'" },
        { "[1,,2]", 1, 4, "expected a value, found ','" },
        { "[+1]", 1, 2, "a number must not start with '+'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsReportedInPlainEnglishAtTheOffendingCharacter(string text, int line, int column, string message)
    {
        var result = JsonParser.Parse(text);

        result.Root.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Be(
            new JsonProblem(JsonProblemKind.Syntax, new SourcePosition(line, column), message));
    }

    [Fact]
    public void ColumnsAfterMultiByteCharactersCountCharacters()
    {
        var problem = JsonParser.Parse("{\"ünïcödé\": 1,}").Problems.Single();

        problem.Position.Should().Be(new SourcePosition(1, 14));
    }

    [Fact]
    public void MessagesNeverCarryTheReadersPositionNoise()
    {
        string[] inputs = ["{", "[1,]", "{\"a\":1]", "\"\\u12G4\"", "[1.]", "{\"a\":1,\"b\"}", "]", "{,}"];

        foreach (var input in inputs)
        {
            var problem = JsonParser.Parse(input).Problems.Single();
            problem.Message.Should().NotContain("LineNumber").And.NotContain("BytePositionInLine");
            problem.Position.IsKnown.Should().BeTrue();
        }
    }
}
