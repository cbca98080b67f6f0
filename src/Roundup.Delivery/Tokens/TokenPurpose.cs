namespace Roundup.Delivery.Tokens;

/// <summary>What a signed link lets its holder do. A token signed for one purpose is refused for the other.</summary>
public enum TokenPurpose : byte
{
    Confirm = 1,
    Unsubscribe = 2,
}
