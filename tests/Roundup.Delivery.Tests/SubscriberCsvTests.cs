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

    [Theory]
    [InlineData("")]
    [InlineData("address,name\nada@example.org,Ada\n")]
    [InlineData("email,name,company\nada@example.org,Ada,ACME\n")]
    public void A_file_without_the_email_name_header_is_refused_whole(string text)
    {
        var e = Assert.Throws<FormatException>(() => Read(text));
        Assert.StartsWith("list.csv: line 1: the header must be 'email,name'", e.Message, StringComparison.Ordinal);
    }
}
