using System.Text.Json;
using Roundup.Cli.Output;

namespace Roundup.Cli.Tests;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[31mRED\u001b[0m", @"\u001B[31mRED\u001B[0m")]
    [InlineData("a\rb\nc\td", @"a\u000Db\u000Ac\u0009d")]
    [InlineData("\u009b2J\u007f", @"\u009B2J\u007F")]
    [InlineData("\u202a\u202b\u202c\u202d\u202e", @"\u202A\u202B\u202C\u202D\u202E")]
    [InlineData("\u2066\u2067\u2068\u2069\u200b\u2028", @"\u2066\u2067\u2068\u2069\u200B\u2028")]
    [InlineData("tag \U000E0041", @"tag \U000E0041")]
    [InlineData("Ünïcödé — 漢字 😀", "Ünïcödé — 漢字 😀")]
    [InlineData(null, "")]
    public void A_line_shows_every_control_escape_and_bidi_character_as_a_visible_escape(string? text, string shown) =>
        Assert.Equal(shown, TerminalText.Line(text));

    [Fact]
    public void A_lone_surrogate_is_escaped_too()
    {
        // Not in InlineData: a lone surrogate does not survive the test framework's serialisation of test cases.
        Assert.Equal(@"lone \uD800 surrogate \uDC00", TerminalText.Line("lone \ud800 surrogate \udc00"));
    }

    [Fact]
    public void A_block_keeps_its_line_breaks_and_tabs_and_escapes_the_rest()
    {
        Assert.Equal("one\n\ttwo\\u000D \\u001B[2J\\u202E", TerminalText.Block("one\n\ttwo\r \u001b[2J\u202e"));
    }

    [Fact]
    public void Json_made_safe_reads_as_the_same_value()
    {
        var value = new { title = "\u001b[31mRED\u001b[0m\r\u202egnp.exe \u2066x\u2069 😀 \U000E0041" };
        var json = JsonSerializer.Serialize(value, CliJson.Indented);

        var safe = TerminalText.Json(json);

        Assert.DoesNotContain(safe, c => char.IsControl(c) && c is not ('\n' or '\r' or '\t') || c is '\u202e' or '\u2066' or '\u2069' or '\udb40');
        using var doc = JsonDocument.Parse(safe);
        Assert.Equal(value.title, doc.RootElement.GetProperty("title").GetString());
    }
}
