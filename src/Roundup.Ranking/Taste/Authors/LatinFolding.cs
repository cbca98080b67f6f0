namespace Roundup.Ranking.Taste.Authors;

/// <summary>
/// Latin letters with diacritics folded to their base letters, upper case: what <c>Normalize(FormKD)</c> and dropping
/// the marks would give, which InvariantGlobalization (this repository's setting) turns off. Generated from
/// Unicode's decompositions of U+00C0–U+024F and U+1E00–U+1EFF, plus the letters that have none (ß, ø, ł, …).
/// </summary>
internal static class LatinFolding
{
    private const string From = ""
        + "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊ"
        + "ċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚś"
        + "ŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬ"
        + "ǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋ"
        + "ḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋ"
        + "ṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋ"
        + "ẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐ"
        + "ốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    private const string To = ""
        + "AAAAAACEEEEIIIINOOOOOUUUUYAAAAAACEEEEIIIINOOOOOUUUUYYAAAAAACCCCC"
        + "CCCDDEEEEEEEEEEGGGGGGGGHHIIIIIIIIIJJKKLLLLLLNNNNNNOOOOOORRRRRRSS"
        + "SSSSSSTTTTUUUUUUUUUUUUWWYYYZZZZZZOOUUAAIIOOUUUUUUUUUUAAAAGGKKOOO"
        + "OJGGNNAAAAAAEEEEIIIIOOOORRRRUUUUSSTTHHAAEEOOOOOOOOYYAABBBBBBCCDD"
        + "DDDDDDDDEEEEEEEEEEFFGGHHHHHHHHHHIIIIKKKKKKLLLLLLLLMMMMMMNNNNNNNN"
        + "OOOOOOOOPPPPRRRRRRRRSSSSSSSSSSTTTTTTTTUUUUUUUUUUVVVVWWWWWWWWWWXX"
        + "XXYYZZZZZZHTWYSAAAAAAAAAAAAAAAAAAAAAAAAEEEEEEEEEEEEEEEEIIIIOOOOO"
        + "OOOOOOOOOOOOOOOOOOOUUUUUUUUUUUUUUYYYYYYYY";

    private static readonly Dictionary<char, string> Letters = BuildLetters();

    /// <summary>The folded, upper-case form of <paramref name="c"/>, or null when it is not a folded Latin letter.</summary>
    public static string? Fold(char c) => Letters.GetValueOrDefault(c);

    private static Dictionary<char, string> BuildLetters()
    {
        var letters = new Dictionary<char, string>
        {
        ['ß'] = "SS",
        ['Æ'] = "AE",
        ['æ'] = "AE",
        ['Œ'] = "OE",
        ['œ'] = "OE",
        ['Ø'] = "O",
        ['ø'] = "O",
        ['Đ'] = "D",
        ['đ'] = "D",
        ['Ł'] = "L",
        ['ł'] = "L",
        ['Þ'] = "TH",
        ['þ'] = "TH",
        ['Ð'] = "D",
        ['ð'] = "D",
        ['ı'] = "I",
        ['Ħ'] = "H",
        ['ħ'] = "H",
        ['Ŧ'] = "T",
        ['ŧ'] = "T",
        ['Ŀ'] = "L",
        ['ŀ'] = "L",
        ['ĸ'] = "K",
        ['Ŋ'] = "N",
        ['ŋ'] = "N",
        ['ſ'] = "S",
        ['Ǳ'] = "DZ",
        ['ǲ'] = "DZ",
        ['ǳ'] = "DZ",
        ['Ǆ'] = "DZ",
        ['ǅ'] = "DZ",
        ['ǆ'] = "DZ",
        ['Ǉ'] = "LJ",
        ['ǈ'] = "LJ",
        ['ǉ'] = "LJ",
        ['Ǌ'] = "NJ",
        ['ǋ'] = "NJ",
        ['ǌ'] = "NJ",
        ['Ĳ'] = "IJ",
        ['ĳ'] = "IJ",
        };
        for (var i = 0; i < From.Length; i++)
        {
            letters[From[i]] = To[i].ToString();
        }

        return letters;
    }
}
