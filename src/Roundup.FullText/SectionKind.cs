namespace Roundup.FullText;

/// <summary>What a section is about, classified from the words of its heading.</summary>
public enum SectionKind
{
    Other,
    Introduction,
    Method,
    Experiments,
    Results,
    RelatedWork,
    Limitations,
    Conclusion,
    Appendix,
}
