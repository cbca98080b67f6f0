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

    /// <summary>PDF text squeezed to under a tenth of its height in width (horizontal scaling <c>Tz</c> near 0, or a squashing matrix).</summary>
    PdfSqueezed,

    /// <summary>PDF text drawn outside the clipping path in force (<c>W n</c>, a form's bounding box).</summary>
    PdfClipped,

    /// <summary>PDF text painted over by an opaque rectangle drawn after it (a white box over the words).</summary>
    PdfCoveredByShape,

    /// <summary>PDF text in an optional-content layer (OCG) that is off when the document opens.</summary>
    PdfOptionalContentOff,

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
