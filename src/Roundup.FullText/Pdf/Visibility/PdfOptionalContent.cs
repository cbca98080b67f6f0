using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Roundup.FullText.Pdf.Visibility;

/// <summary>
/// Which optional-content groups (layers) a viewer hides when it opens the document: the default configuration's
/// <c>/OFF</c> list, or every group not in <c>/ON</c> when its base state is OFF (ISO 32000-1, 8.11.4.3).
/// Membership dictionaries are judged by their policy (<c>/P</c>, AnyOn by default).
/// </summary>
internal sealed class PdfOptionalContent
{
    private static readonly NameToken OcProperties = NameToken.Create("OCProperties");
    private static readonly NameToken Ocgs = NameToken.Create("OCGs");
    private static readonly NameToken Default = NameToken.Create("D");
    private static readonly NameToken Off = NameToken.Create("OFF");
    private static readonly NameToken On = NameToken.Create("ON");
    private static readonly NameToken BaseState = NameToken.Create("BaseState");
    private static readonly NameToken Policy = NameToken.Create("P");
    private static readonly NameToken Membership = NameToken.Create("OCMD");

    private readonly List<DictionaryToken> _hidden = [];
    private readonly HashSet<string> _hiddenNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hiddenContents = new(StringComparer.Ordinal);
    private readonly IPdfTokenScanner? _scanner;

    private PdfOptionalContent(IPdfTokenScanner? scanner) => _scanner = scanner;

    public static PdfOptionalContent None { get; } = new(null);

    public bool HasHiddenGroups => _hidden.Count > 0;

    public static PdfOptionalContent Read(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        var catalog = document.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(OcProperties, scanner, out DictionaryToken? properties)
            || !properties.TryGet(Default, scanner, out DictionaryToken? configuration))
        {
            return None;
        }

        var result = new PdfOptionalContent(scanner);
        var all = Groups(properties, Ocgs, scanner);
        var hidden = configuration.TryGet(BaseState, scanner, out NameToken? state) && state == Off
            ? all.Where(g => !Groups(configuration, On, scanner).Any(on => Same(on, g))).ToList()
            : Groups(configuration, Off, scanner);
        var shown = all.Where(g => !hidden.Any(h => Same(h, g))).ToList();
        foreach (var group in hidden)
        {
            result._hidden.Add(group);
            result._hiddenContents.Add(group.ToString());
            if (NameOf(group) is { } name && !shown.Any(s => NameOf(s) == name))
            {
                result._hiddenNames.Add(name);
            }
        }

        return result;
    }

    /// <summary>Whether anything painted inside these groups (innermost first) is hidden from a reader.</summary>
    public bool Hides(IReadOnlyList<DictionaryToken> groups) => HasHiddenGroups && groups.Any(IsOff);

    private bool IsOff(DictionaryToken group)
    {
        if (group.TryGet(NameToken.Type, _scanner!, out NameToken? type) && type == Membership)
        {
            var members = group.TryGet(Ocgs, _scanner!, out DictionaryToken? single) ? [single] : Groups(group, Ocgs, _scanner!);
            if (members.Count == 0)
            {
                return false;
            }

            var policy = group.TryGet(Policy, _scanner!, out NameToken? p) ? p.Data : "AnyOn";
            return policy switch
            {
                "AllOn" => members.Any(IsHidden),
                "AnyOff" => !members.Any(IsHidden),
                "AllOff" => !members.All(IsHidden),
                _ => members.All(IsHidden),
            };
        }

        return IsHidden(group);
    }

    private bool IsHidden(DictionaryToken group) =>
        _hidden.Any(h => ReferenceEquals(h, group)) || _hiddenContents.Contains(group.ToString())
        || (NameOf(group) is { } name && _hiddenNames.Contains(name));

    private static List<DictionaryToken> Groups(DictionaryToken dictionary, NameToken key, IPdfTokenScanner scanner)
    {
        var result = new List<DictionaryToken>();
        if (!dictionary.TryGet(key, scanner, out ArrayToken? array))
        {
            return result;
        }

        foreach (var item in array.Data)
        {
            var token = item is IndirectReferenceToken reference ? scanner.Get(reference.Data)?.Data : item;
            if (token is DictionaryToken group)
            {
                result.Add(group);
            }
        }

        return result;
    }

    private static bool Same(DictionaryToken a, DictionaryToken b) => ReferenceEquals(a, b) || (NameOf(a) is { } name && name == NameOf(b));

    private static string? NameOf(DictionaryToken group) =>
        group.TryGet(NameToken.Name, out IToken? token) ? token switch
        {
            StringToken s => s.Data,
            HexToken h => h.Data,
            NameToken n => n.Data,
            _ => null,
        } : null;
}
