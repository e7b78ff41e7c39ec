using Otp.KvStore.Pure;

namespace Otp.KvStore.Http;

/// <summary>
/// Where the HTTP API keeps its values. <see cref="Namespaces.NamespacedStore"/> is the local one;
/// a replicated store implements the same three operations.
/// </summary>
/// <remarks>Namespace and key arrive already checked (not empty, within the configured lengths).
/// A failure of the store itself (a call timing out, a store that will not start) is an
/// exception; the API answers it with 503.</remarks>
public interface IKvBackend
{
    /// <summary>Stores <paramref name="value"/>; null once stored, else why not.</summary>
    Task<KvError?> SetAsync(string ns, string key, StoredValue value);

    /// <summary>The value, or a <see cref="KvError.NotFound"/> error.</summary>
    Task<KvResult<StoredValue>> GetAsync(string ns, string key);

    /// <summary>Removes the key (a missing key is not an error); null once removed, else why not.</summary>
    Task<KvError?> DeleteAsync(string ns, string key);
}
