namespace Roundup.FullText;

/// <summary>How a piece of text was hidden from a human reader.</summary>
public enum HiddenTextKind
{
    /// <summary>PDF text filled in white or near-white.</summary>
    WhiteText,

    /// <summary>PDF text under 2 pt.</summary>
    TinyFont,

    /// <summary>PDF text rendering mode 3 or 7: neither filled nor stroked.</summary>
    InvisibleRenderMode,

    /// <summary>PDF glyphs outside the page's crop box.</summary>
    OffPage,

    /// <summary><c>\color{white}</c>, <c>\textcolor{white}{…}</c> or a colour defined as white.</summary>
    LatexColorWhite,

    /// <summary><c>\phantom{…}</c> and its horizontal and vertical variants.</summary>
    LatexPhantom,

    /// <summary><c>{\tiny …}</c>, or a font size under 2 pt.</summary>
    LatexTinyFont,

    /// <summary>HTML hidden by <c>display:none</c>, <c>visibility:hidden</c>, <c>opacity:0</c> or the hidden attribute.</summary>
    HtmlHiddenStyle,

    /// <summary>HTML text coloured white.</summary>
    HtmlWhiteText,

    /// <summary>HTML text with a zero or tiny font size.</summary>
    HtmlTinyFont,
}
