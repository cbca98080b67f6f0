using Microsoft.Extensions.AI;

namespace Roundup.Llm.Providers;

/// <summary>Disposes what an SDK's chat client uses but does not own (an HTTP client it was given) along with it.</summary>
internal sealed class OwningChatClient(IChatClient inner, params IDisposable[] owned) : DelegatingChatClient(inner)
{
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            foreach (var resource in owned)
            {
                resource.Dispose();
            }
        }
    }
}
