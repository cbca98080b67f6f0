namespace Roundup.Ranking.Text;

/// <summary>Common English function words, which carry no topic.</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(
        """
        a about above after again against all almost also am among an and any are as at be because been before
        being below between both but by can could did do does doing done down during each either else etc even ever
        every few for from further had has have having he her here hers herself him himself his how however i if in
        into is it its itself just least less let like made make many may me might more most much must my myself
        neither no nor not now of off often on once one only or other others our ours ourselves out over own per
        rather same shall she should since so some such than that the their theirs them themselves then there
        thereby therefore these they this those though through thus to too under until up upon us very via was we
        well were what whatever when where whether which while who whom whose why will with within without would yet
        you your yours yourself yourselves
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);
}
