using Roundup.Ranking.Taste.History;

namespace Roundup.Ranking.Tests.Taste;

public sealed class FeatureRecordTests
{
    private static readonly DateOnly Monday = new(2025, 6, 23);

    [Fact]
    public void A_record_decays_with_age_and_reads_nothing_dated_in_or_after_its_week()
    {
        var builder = new FeatureRecordBuilder();
        builder.Add("ADA", Monday.AddDays(-365), 1, paper: 1);
        builder.Add("ADA", Monday.AddDays(-1), 1, paper: 2);
        builder.Add("ADA", Monday, 1, paper: 3);
        builder.Add("ADA", Monday.AddDays(3), 1, paper: 4);
        var record = builder.Build();

        var weight = record.Weight("ADA", Monday, tau: 365);

        Assert.Equal(Math.Exp(-1) + Math.Exp(-1.0 / 365), weight, 1e-9);
        Assert.Equal(0, record.Weight("BOB", Monday, 365));
    }

    [Fact]
    public void A_paper_never_counts_its_own_feature()
    {
        var builder = new FeatureRecordBuilder();
        builder.Add("ADA", Monday.AddDays(-3), 1, paper: 7);
        builder.Add("ADA", Monday.AddDays(-30), 1, paper: 8);
        var record = builder.Build();

        // Ages count from the day after the record's last feature (Monday − 3): 1 and 28 days.
        Assert.Equal(Math.Exp(-1.0 / 365) + Math.Exp(-28.0 / 365), record.Weight("ADA", Monday, 365), 1e-9);
        Assert.Equal(Math.Exp(-28.0 / 365), record.Weight("ADA", Monday, 365, exclude: 7), 1e-9);
    }

    [Fact]
    public void A_record_that_ends_earlier_is_read_as_of_its_end()
    {
        var builder = new FeatureRecordBuilder();
        builder.Add("ADA", new DateOnly(2025, 6, 20), 1, paper: 1);
        var record = builder.Build();

        // A year later, the record has said nothing since June 2025: it is read as of the day after its last feature.
        Assert.Equal(Math.Exp(-1.0 / 365), record.Weight("ADA", new DateOnly(2026, 5, 11), 365), 1e-9);
        Assert.Equal(new DateOnly(2025, 6, 21), record.Reference(new DateOnly(2026, 5, 11)));
    }

    [Fact]
    public void A_name_whose_papers_share_no_co_author_is_several_people_as_of_each_day()
    {
        var builder = new FeatureRecordBuilder();
        void Paper(uint id, int daysBefore, params string[] keys)
        {
            foreach (var key in keys)
            {
                builder.Add(key, Monday.AddDays(-daysBefore), 1, id);
            }
        }

        Paper(1, 10, "WEI LI", "A", "B");
        Paper(2, 20, "WEI LI", "B", "C");      // meets the first through B
        Paper(3, 30, "WEI LI", "X");           // someone else
        Paper(4, 40, "WEI LI");                // a day list names no co-authors
        Paper(5, 10, "ADA", "B");
        Paper(6, 3, "WEI LI", "Y");            // a third Wei Li, but only from Monday − 3 on
        var record = builder.Build();

        Assert.Equal(3, record.People("WEI LI", Monday));
        Assert.Equal(2, record.People("WEI LI", Monday.AddDays(-5)));
        Assert.Equal(2, record.People("WEI LI", Monday, exclude: 6));
        Assert.Equal(1, record.People("ADA", Monday));
        var reference = Monday.AddDays(-2);   // the day after the record's last feature before Monday
        var all = new[] { 3, 10, 20, 30, 40 }.Sum(d => Math.Exp(-(d - 2) / 365.0));
        Assert.Equal(all / 3, record.Weight("WEI LI", Monday, 365), 1e-9);
        Assert.Equal(reference, record.Reference(Monday));
    }

    [Fact]
    public void Built_on_a_basis_the_same_paper_counts_once_at_the_higher_weight()
    {
        var first = new FeatureRecordBuilder();
        first.Add("ADA", Monday.AddDays(-10), 1, paper: 1);
        var basis = first.Build();
        var second = new FeatureRecordBuilder();
        second.Add("ADA", Monday.AddDays(-10), 2, paper: 1);   // the curator's own pick of the same paper
        second.Add("ADA", Monday.AddDays(-5), 2, paper: 2);

        var record = second.Build(basis);

        Assert.Equal([(1u, 2f), (2u, 2f)], record.Find("ADA")!.Select(f => (f.Paper, f.Weight)).OrderBy(f => f.Paper));
    }

    [Fact]
    public void Written_and_read_back_it_is_the_same_record()
    {
        var builder = new FeatureRecordBuilder();
        builder.Add("ADA LOVELACE", Monday.AddDays(-10), 1, paper: 0xdeadbeef);
        builder.Add("ADA LOVELACE", Monday.AddDays(-100), 2, paper: 0);
        builder.Add("BOB", Monday.AddDays(-1), 1, paper: 1);
        var record = builder.Build();
        var text = new StringWriter();

        record.Write(text);
        var read = FeatureRecord.Read(new StringReader(text.ToString()), "authors.tsv");

        Assert.Equal(text.ToString(), Write(read));
        Assert.Equal(record.Weight("ADA LOVELACE", Monday, 365), read.Weight("ADA LOVELACE", Monday, 365));
        Assert.Contains("ADA LOVELACE\t", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("#deadbeef", text.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ADA")]
    [InlineData("ADA\tnine")]
    [InlineData("ADA\t9000*x")]
    [InlineData("ADA\t9000#zz")]
    [InlineData("ADA\t-5")]
    [InlineData("\t9000")]
    public void A_damaged_line_is_named_with_its_number(string line)
    {
        var e = Assert.Throws<InvalidDataException>(() => FeatureRecord.Read(new StringReader("BOB\t9000\n" + line + "\n"), "authors.tsv"));
        Assert.StartsWith("authors.tsv:2:", e.Message, StringComparison.Ordinal);
    }

    private static string Write(FeatureRecord record)
    {
        var text = new StringWriter();
        record.Write(text);
        return text.ToString();
    }
}
