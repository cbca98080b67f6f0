using Roundup.Ranking.Taste.Authors;

namespace Roundup.Ranking.Tests.Taste;

public sealed class AuthorNameTests
{
    [Theory]
    [InlineData("Thomas Müller", "THOMAS MULLER")]
    [InlineData("Thomas Muller", "THOMAS MULLER")]
    [InlineData("Thomas M\\\"uller", "THOMAS MULLER")]
    [InlineData("Thomas M{\\\"u}ller", "THOMAS MULLER")]
    [InlineData("Thomas M\\\"{u}ller", "THOMAS MULLER")]
    [InlineData("  thomas   MÜLLER ", "THOMAS MULLER")]
    [InlineData("Nguyễn Văn Ánh", "NGUYEN VAN ANH")]
    [InlineData("Søren Kierkegaard", "SOREN KIERKEGAARD")]
    [InlineData("S{\\o}ren Kierkegaard", "SOREN KIERKEGAARD")]
    [InlineData("Paweł Łukasz", "PAWEL LUKASZ")]
    [InlineData("Stefan Stra\\ss{}er", "STEFAN STRASSER")]
    [InlineData("Fran\\c{c}ois Fleuret", "FRANCOIS FLEURET")]
    [InlineData("Hung-yi Lee", "HUNG YI LEE")]
    [InlineData("Hung Yi Lee", "HUNG YI LEE")]
    [InlineData("王小明", "王小明")]
    [InlineData(":", "")]
    [InlineData("", "")]
    public void One_person_gets_one_key_however_the_name_is_spelled(string name, string key) =>
        Assert.Equal(key, AuthorName.Key(name));

    [Fact]
    public void A_name_with_initials_only_is_told_apart_and_maps_to_its_initial_and_surname()
    {
        Assert.True(AuthorName.IsInitialsOnly(AuthorName.Key("J. Smith")));
        Assert.True(AuthorName.IsInitialsOnly(AuthorName.Key("J.-P. Dupont")));
        Assert.False(AuthorName.IsInitialsOnly(AuthorName.Key("John Smith")));
        Assert.False(AuthorName.IsInitialsOnly(AuthorName.Key("Smith")));
        Assert.Equal("J SMITH", AuthorName.InitialsKey(AuthorName.Key("John Smith")));
        Assert.Equal("J DUPONT", AuthorName.InitialsKey(AuthorName.Key("Jean-Pierre Dupont")));
        Assert.Equal("", AuthorName.InitialsKey("SMITH"));
    }
}
