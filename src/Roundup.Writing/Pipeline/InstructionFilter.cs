using Roundup.Issues;
using Roundup.Llm.Scoring;
using Roundup.Writing.Grounding;
using Roundup.Writing.Llm;

namespace Roundup.Writing.Pipeline;

/// <summary>
/// Removes sentences that repeat a known injection phrase or pass a verdict on the paper, whichever writer wrote
/// them: an extractive writer can copy "IGNORE ALL PREVIOUS INSTRUCTIONS" out of an abstract as easily as a model
/// can obey it. Only the known phrases are matched here, not every instruction-like sentence of the paper, since an
/// extractive writer legitimately copies sentences such as "We ignore padding tokens".
/// </summary>
public static class InstructionFilter
{
    public static (EntryText Kept, IReadOnlyList<string> Flags) Apply(EntryText text)
    {
        var flags = new List<string>();
        var kept = EntryTextFilter.Without(text, (part, sentence) =>
        {
            var echoes = InjectionGuard.EchoesInstructions(sentence, "");
            if (!echoes && !WriteAnswerCheck.RatesThePaper(sentence))
            {
                return false;
            }

            flags.Add($"injection: removed from the {part.Name()}: {(echoes ? "it repeats instructions planted in the paper text" : "it rates the paper")} (\"{sentence}\")");
            return true;
        });
        return (flags.Count == 0 ? text : kept, flags);
    }
}
