namespace Otp.KvStore.Server;

// The calls a KeyValueServer answers. Internal: clients go through the KeyValueServer functions,
// which give the replies their types.

/// <summary>Store a value; the reply is <c>ok</c> or a <see cref="Pure.KvError"/>.</summary>
internal sealed record SetRequest<TValue>(string Key, TValue Value);

/// <summary>Read a value; the reply is a <see cref="Pure.KvResult{T}"/>.</summary>
internal sealed record GetRequest(string Key);

/// <summary>Remove a key; the reply is <c>ok</c> or a <see cref="Pure.KvError"/>.</summary>
internal sealed record DeleteRequest(string Key);
