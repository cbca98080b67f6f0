using Roundup.Application.Hosting;
using Microsoft.Extensions.Logging;
using Roundup.Profiles;
using Roundup.Writing.Llm;
using Roundup.Writing.Offline;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Application.Writing;

/// <summary>The writer that configuration names, always grounded and falling back to the offline writer per paper.</summary>
public static class WriterFactory
{
    public static GroundedWriter Create(RoundupHost host, CuratorProfile profile)
    {
        var offline = new OfflineWriter();
        IPaperWriter primary = host.Options.Writing.UsesLlm
            ? new LlmWriter(host.Chat, host.Options.Llm, WritePrompt.Load(RoundupHost.PromptDirectory), profile, host.Logs.CreateLogger<LlmWriter>(), host.Time)
            : offline;
        return new GroundedWriter(primary, offline, host.Logs.CreateLogger<GroundedWriter>());
    }
}
