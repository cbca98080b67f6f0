using System.Text.Json.Serialization;

namespace Roundup.Storage;

/// <summary>Source-generated JSON for the few JSON columns the stores keep.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string[][]))]
internal sealed partial class StoreJson : JsonSerializerContext;
