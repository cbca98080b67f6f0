using Roundup.Delivery.Subscribers;

namespace Roundup.Delivery.Tests;

public sealed class SubscriberCsvTests
{
    private static SubscriberFile Read(string text) => SubscriberCsv.Read(new StringReader(text), "list.csv");

    [Fact]
    public void Rows_are_read_with_quoted_names_and_duplicates_merged()
    {
        var file = Read("email,name\nada@example.org,\"Lovelace, Ada\"\nbob@example.org,\n\nADA@example.org,Ada L.\ncy@example.org,\"Cy \"\"the\"\" Third\"\n");
        Assert.Empty(file.Problems);
        Assert.Equal(1, file.Duplicates);
        Assert.Equal(["ada@example.org", "bob@example.org", "cy@example.org"], file.Subscribers.Select(s => s.Email));
        Assert.Equal(["Ada L.", null, "Cy \"the\" Third"], file.Subscribers.Select(s => s.Name));
        Assert.Equal([2, 3, 6], file.Subscribers.Select(s => s.Line));
    }

    [Fact]
    public void The_header_may_come_in_either_order_and_without_names()
    {
        Assert.Equal("Ada", Assert.Single(Read("Name,Email\nAda,ada@example.org\n").Subscribers).Name);
        Assert.Null(Assert.Single(Read("email\nada@example.org\n").Subscribers).Name);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers_and_the_good_ones_kept()
    {
        var file = Read(
            "email,name\n" +
            "ada@example.org,Ada\n" +                              // 2
            "not-an-address,Bob\n" +                               // 3
            "\"cy@example.org\",\"Cy\r\nBcc: all@example.org\"\n" + // 4-5: a quoted name hiding a header
            "dee@example.org,Dee,extra\n" +                        // 6
            "eve@example.org\r\nBcc: x@example.org,Eve\n" +         // 7: a bare line break splits the row
            "fay@example.org,Fay\n");                               // 9
        Assert.Equal(["ada@example.org", "fay@example.org"], file.Subscribers.Select(s => s.Email));
        Assert.Equal([3, 4, 6, 7, 8], file.Problems.Select(p => p.Line));
        Assert.Contains("not-an-address", file.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("line break", file.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("3 fields", file.Problems[2].Message, StringComparison.Ordinal);
        Assert.Equal("line 3: 'not-an-address' is not an e-mail address: it has no @", file.Problems[0].ToString());
    }

    /// <summary>Every row is one of: a subscriber, a duplicate merged, a problem; blank lines are not rows.</summary>
    private static void AssertAllRowsAccounted(SubscriberFile file, int rows)
    {
        Assert.Equal(rows, file.Rows);
        Assert.Equal(rows, file.Subscribers.Count + file.Duplicates + file.Problems.Count);
    }

    [Fact]
    public void A_backslash_escaped_quote_is_one_refused_row_and_the_rows_after_it_are_read()
    {
        var file = Read(
            "email,name\n" +
            "good1@example.org,One\n" +
            "\"quoted\\\"local\"@example.org,x\n" +
            "good2@example.org,Two\n" +
            "good3@example.org,Three\n" +
            "good4@example.org,Four\n");

        Assert.Equal(["good1@example.org", "good2@example.org", "good3@example.org", "good4@example.org"], file.Subscribers.Select(s => s.Email));
        Assert.Equal([2, 4, 5, 6], file.Subscribers.Select(s => s.Line));
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("text after the closing quote", problem.Message, StringComparison.Ordinal);
        AssertAllRowsAccounted(file, 5);
    }

    [Theory]
    [InlineData("bad@example.org,Unbalanced\"", "field 2: a quote inside a field that does not start with one")]
    [InlineData("bad@example.org,\"Never closed", "not closed properly")]
    [InlineData("mid\"dle@example.org,Mid", "field 1: a quote inside a field that does not start with one")]
    [InlineData("bad@example.org,\"Ann\"ie\"", "field 2: text after the closing quote")]
    [InlineData("\"bad@example.org\" x,Ann", "field 1: text after the closing quote")]
    public void A_stray_quote_costs_its_own_line_only(string stray, string why)
    {
        var file = Read($"email,name\nada@example.org,Ada\n{stray}\nbob@example.org,Bob\ncy@example.org,\"Cy, the Third\"\ndee@example.org,Dee\n");

        Assert.Equal(["ada@example.org", "bob@example.org", "cy@example.org", "dee@example.org"], file.Subscribers.Select(s => s.Email));
        Assert.Equal("Cy, the Third", file.Subscribers[2].Name);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
        AssertAllRowsAccounted(file, 5);
    }

    [Fact]
    public void A_quote_opened_on_the_last_line_and_never_closed_is_refused_with_its_line()
    {
        var file = Read("email,name\nada@example.org,Ada\n\nbob@example.org,\"Bob");

        Assert.Equal("ada@example.org", Assert.Single(file.Subscribers).Email);
        Assert.Equal(4, Assert.Single(file.Problems).Line);
        AssertAllRowsAccounted(file, 2);
    }

    [Fact]
    public void An_unclosed_quote_is_refused_alone_even_when_a_later_line_s_quote_would_close_it()
    {
        var file = Read("email,name\nann@example.org,\"Ann\nbea@example.org,\"Bea\"\ncy@example.org,Cy\n");

        Assert.Equal(["bea@example.org", "cy@example.org"], file.Subscribers.Select(s => s.Email));
        Assert.Equal("Bea", file.Subscribers[0].Name);
        Assert.Equal(2, Assert.Single(file.Problems).Line);
        AssertAllRowsAccounted(file, 3);
    }

    [Fact]
    public void A_line_break_inside_a_properly_quoted_field_keeps_the_row_whole_and_the_rows_after_it()
    {
        var file = Read(
            "email,name\n" +
            "ada@example.org,Ada\n" +                          // 2
            "\"cy@example.org\",\"Cy \"\"C\"\"\nSecond line\"\n" + // 3-4: one row, refused for the line break in its name
            "bob@example.org,\"Bob, \"\"B\"\"\"\n" +             // 5
            "dee@example.org,Dee\n");                          // 6

        Assert.Equal(["ada@example.org", "bob@example.org", "dee@example.org"], file.Subscribers.Select(s => s.Email));
        Assert.Equal([2, 5, 6], file.Subscribers.Select(s => s.Line));
        Assert.Equal("Bob, \"B\"", file.Subscribers[1].Name);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("line break", problem.Message, StringComparison.Ordinal);
        AssertAllRowsAccounted(file, 4);
    }

    [Fact]
    public void Records_span_lines_only_inside_quotes_and_not_beyond_the_limit()
    {
        // Line 4 opens a quote that closes only on line 4 + MaxLinesPerRecord: too far, so line 4 is refused and
        // each line after it is a record of its own.
        var tooLong = "x,\"" + string.Concat(Enumerable.Repeat("\nmore", CsvRecordReader.MaxLinesPerRecord)) + "\"\n";
        var records = CsvRecordReader.Read(new StringReader("a,\"b\n\nc\"\n" + tooLong)).ToList();

        Assert.Equal((1, 3, "a,\"b\n\nc\"", (string?)null), (records[0].FirstLine, records[0].LastLine, records[0].Text, records[0].Problem));
        Assert.Equal((4, 4, "x,\""), (records[1].FirstLine, records[1].LastLine, records[1].Text));
        Assert.Contains("not closed properly", records[1].Problem, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(5, CsvRecordReader.MaxLinesPerRecord), records.Skip(2).Select(r => r.FirstLine));
        Assert.All(records.Skip(2).SkipLast(1), r => Assert.Null(r.Problem));
        Assert.Contains("a quote inside a field", records[^1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_add_up_with_duplicates_blank_lines_and_refusals()
    {
        var file = Read("email,name\n\nada@example.org,Ada\nADA@example.org,\n\"x\"y@example.org,X\nnope,No\n\n  \nbob@example.org,Bob\n");

        Assert.Equal(1, file.Duplicates);
        Assert.Equal([5, 6], file.Problems.Select(p => p.Line));
        AssertAllRowsAccounted(file, 5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("address,name\nada@example.org,Ada\n")]
    [InlineData("email,name,company\nada@example.org,Ada,ACME\n")]
    [InlineData("\"email\" x,name\nada@example.org,Ada\n")]
    public void A_file_without_the_email_name_header_is_refused_whole(string text)
    {
        var e = Assert.Throws<FormatException>(() => Read(text));
        Assert.StartsWith("list.csv: line 1: the header must be 'email,name'", e.Message, StringComparison.Ordinal);
    }
}
