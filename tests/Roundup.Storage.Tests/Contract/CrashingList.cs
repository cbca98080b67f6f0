using System.Collections;
using Roundup.Harvesting;

namespace Roundup.Storage.Tests.Contract;

/// <summary>A page whose reading fails part-way, as a process killed mid-write would.</summary>
internal sealed class CrashingList(IReadOnlyList<HarvestedPaper> items, int crashAt) : IReadOnlyList<HarvestedPaper>
{
    public int Count => items.Count;

    public HarvestedPaper this[int index] => index >= crashAt ? throw new IOException("simulated crash") : items[index];

    public IEnumerator<HarvestedPaper> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
