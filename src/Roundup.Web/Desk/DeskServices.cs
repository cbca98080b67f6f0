using Roundup.Curators;

namespace Roundup.Web.Desk;

/// <summary>What the curator's desk needs: the curators' accounts and the folder its cookie keys are kept in (so a restart signs nobody out).</summary>
public sealed record DeskServices(ICuratorStore Curators, string KeysDirectory, TimeProvider Time);
