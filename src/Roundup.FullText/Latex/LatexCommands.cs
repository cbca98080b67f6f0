namespace Roundup.FullText.Latex;

/// <summary>What the cleaner does with each known command: which arguments it drops and which it keeps as text.</summary>
internal static class LatexCommands
{
    /// <summary>Commands whose one argument is kept as text.</summary>
    public static readonly HashSet<string> KeepArgument = new(StringComparer.Ordinal)
    {
        "emph", "textbf", "textit", "texttt", "textsc", "textrm", "textsf", "textnormal", "textup", "textmd", "textsl",
        "underline", "uline", "mbox", "hbox", "text", "fbox", "makebox", "framebox", "url", "nolinkurl", "bm", "boldsymbol",
        "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "textsuperscript", "textsubscript", "MakeUppercase",
        "uppercase", "lowercase", "MakeLowercase", "ensuremath", "title", "author", "centerline", "hyperref", "texorpdfstring",
    };

    /// <summary>Commands dropped with this many arguments (optional [..] arguments are dropped too).</summary>
    public static readonly Dictionary<string, int> Drop = new(StringComparer.Ordinal)
    {
        ["label"] = 1, ["vspace"] = 1, ["hspace"] = 1, ["includegraphics"] = 1, ["bibliographystyle"] = 1, ["bibliography"] = 1,
        ["usepackage"] = 1, ["RequirePackage"] = 1, ["documentclass"] = 1, ["setlength"] = 2, ["addtolength"] = 2, ["setcounter"] = 2,
        ["addtocounter"] = 2, ["addcontentsline"] = 3, ["definecolor"] = 3, ["colorlet"] = 2, ["color"] = 1, ["pagestyle"] = 1,
        ["thispagestyle"] = 1, ["input"] = 1, ["include"] = 1, ["newtheorem"] = 2, ["crefname"] = 3, ["Crefname"] = 3,
        ["hypersetup"] = 1, ["captionsetup"] = 1, ["pagenumbering"] = 1, ["linespread"] = 1, ["fontsize"] = 2, ["thanks"] = 1,
        ["footnotemark"] = 0, ["nocite"] = 1, ["newcommand"] = 2, ["renewcommand"] = 2, ["providecommand"] = 2, ["vskip"] = 0,
        ["affiliation"] = 1, ["email"] = 1, ["institute"] = 1, ["address"] = 1, ["orcid"] = 1, ["keywords"] = 1, ["date"] = 1,
        ["graphicspath"] = 1, ["geometry"] = 1, ["icmlsetsymbol"] = 2, ["icmlauthor"] = 2, ["icmlaffiliation"] = 2,
        ["icmlcorrespondingauthor"] = 2, ["icmlkeywords"] = 1, ["begin"] = 1, ["end"] = 1, ["raisebox"] = 1, ["resizebox"] = 2,
        ["scalebox"] = 1, ["multicolumn"] = 2, ["multirow"] = 2, ["textcolor"] = 1, ["colorbox"] = 1, ["cellcolor"] = 1,
        ["rowcolor"] = 1, ["cline"] = 1, ["cmidrule"] = 1, ["specialrule"] = 3, ["arrayrulecolor"] = 1, ["newenvironment"] = 3,
        ["renewenvironment"] = 3, ["DeclareMathOperator"] = 2, ["setcitestyle"] = 1, ["acmConference"] = 1, ["acmYear"] = 1,
        ["acmDOI"] = 1, ["acmISBN"] = 1, ["copyrightyear"] = 1, ["setcopyright"] = 1, ["ccsdesc"] = 1, ["acmBooktitle"] = 1,
        ["tnote"] = 1, ["tnotetext"] = 1, ["fnref"] = 1, ["corref"] = 1, ["ead"] = 1,
    };

    /// <summary>Argument-less commands printed as a symbol or word.</summary>
    public static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["&"] = "&", ["%"] = "%", ["_"] = "_", ["#"] = "#", ["$"] = "$", ["{"] = "{", ["}"] = "}", ["\\"] = "\n", [" "] = " ",
        [","] = " ", [";"] = " ", [":"] = " ", ["!"] = "", ["@"] = "", ["/"] = "", ["-"] = "", ["quad"] = " ", ["qquad"] = " ",
        ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…", ["cdots"] = "⋯", ["LaTeX"] = "LaTeX", ["TeX"] = "TeX",
        ["textasciitilde"] = "~", ["textbackslash"] = "\\", ["textbar"] = "|", ["textbullet"] = "•", ["S"] = "§", ["P"] = "¶",
        ["ss"] = "ß", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å", ["AA"] = "Å",
        ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["dag"] = "†", ["ddag"] = "‡", ["copyright"] = "©", ["textregistered"] = "®",
        ["texttrademark"] = "™", ["textendash"] = "–", ["textemdash"] = "—", ["textquoteright"] = "'", ["textquoteleft"] = "'",
        ["times"] = "×", ["pm"] = "±", ["approx"] = "≈", ["sim"] = "~", ["ge"] = "≥", ["le"] = "≤", ["geq"] = "≥", ["leq"] = "≤",
        ["rightarrow"] = "→", ["to"] = "→", ["checkmark"] = "✓", ["degree"] = "°", ["textdegree"] = "°", ["euro"] = "€",
        ["textapprox"] = "≈", ["textpm"] = "±", ["item"] = "\n", ["newline"] = "\n", ["par"] = "\n\n", ["xspace"] = "", ["and"] = ", ", ["AND"] = ", ",
    };

    /// <summary>Accent commands and the combining mark they add (NFKC then composes "e\u0301" to "é").</summary>
    public static readonly Dictionary<string, char> Accents = new(StringComparer.Ordinal)
    {
        ["'"] = '\u0301', ["`"] = '\u0300', ["^"] = '\u0302', ["\""] = '\u0308', ["~"] = '\u0303', ["="] = '\u0304', ["."] = '\u0307',
        ["c"] = '\u0327', ["v"] = '\u030C', ["u"] = '\u0306', ["H"] = '\u030B', ["k"] = '\u0328', ["r"] = '\u030A',
    };
}
