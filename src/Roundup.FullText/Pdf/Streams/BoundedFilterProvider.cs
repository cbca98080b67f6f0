using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Roundup.FullText.Pdf.Streams;

/// <summary>
/// PdfPig's filters, each wrapped in a <see cref="BoundedFilter"/> for one document. Given to PdfPig as
/// <c>ParsingOptions.FilterProvider</c>, it sees every stream PdfPig decodes: page contents, forms, fonts, object
/// and cross-reference streams.
/// </summary>
internal sealed class BoundedFilterProvider(PdfDecodeBudget budget) : IFilterProvider
{
    private readonly Dictionary<IFilter, IFilter> _wrapped = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters)
    {
        var result = new List<IFilter>(filters.Count);
        foreach (var filter in filters)
        {
            if (!_wrapped.TryGetValue(filter, out var bounded))
            {
                _wrapped[filter] = bounded = new BoundedFilter(filter, budget);
            }

            result.Add(bounded);
        }

        return result;
    }
}
