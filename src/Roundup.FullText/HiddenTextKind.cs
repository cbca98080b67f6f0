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

    /// <summary>HTML text transparent: <c>color:transparent</c> or a colour whose alpha is (nearly) zero.</summary>
    HtmlTransparentText,

    /// <summary>HTML text coloured (nearly) like the background behind it, its own or an ancestor's.</summary>
    HtmlTextLikeBackground,

    /// <summary>HTML box of no size that clips what overflows it: <c>height:0;overflow:hidden</c>, <c>max-width:0</c>, ….</summary>
    HtmlZeroSizeBox,

    /// <summary>HTML clipped away entirely: <c>clip-path:inset(50%)</c>, <c>circle(0)</c>, <c>clip:rect(0 0 0 0)</c>.</summary>
    HtmlClipped,

    /// <summary>HTML scaled to (nearly) nothing: <c>transform:scale(0)</c>, <c>scaleX(0)</c>, a degenerate matrix, <c>scale:0</c>.</summary>
    HtmlScaledToZero,

    /// <summary>HTML moved far off the page: <c>text-indent:-9999px</c>, large negative offsets, margins or translations.</summary>
    HtmlOffScreen,

    /// <summary>LaTeX box of zero size: <c>\resizebox{0pt}{…}</c>, <c>\scalebox{0}</c>, <c>\makebox[0pt]</c> pushed away by a large <c>\hspace</c>, <c>\raisebox</c> far off.</summary>
    LatexZeroSizeBox,

    /// <summary>LaTeX text coloured like what is behind it: the background of its <c>\colorbox</c>/<c>\fcolorbox</c>, or the page colour.</summary>
    LatexTextLikeBackground,
}
