using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Http;

/// <summary>
/// The HTTP API of akvs on a <see cref="IKvBackend"/>: <c>POST /kv/{ns}/{key}</c> stores the body
/// (201), <c>GET</c> returns it with its content type (200) or 404, <c>DELETE</c> removes it (200),
/// any other method 405 with <c>Allow</c>. A request is checked completely (method, path, lengths,
/// body size) before the backend sees it, so a rejected request stores nothing.
/// </summary>
internal sealed class KvRequestHandler(IKvBackend backend, KvHttpOptions options)
{
    /// <summary>The methods the API answers, as the <c>Allow</c> header lists them.</summary>
    public const string Allowed = "GET, POST, DELETE";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!request.Path.StartsWithSegments("/kv", out var rest))
        {
            await Text(response, StatusCodes.Status404NotFound, "not found: the API is /kv/{namespace}/{key}");
            return;
        }
        if (request.Method is not ("GET" or "POST" or "DELETE"))
        {
            response.Headers.Allow = Allowed;
            await Text(response, StatusCodes.Status405MethodNotAllowed, $"method {request.Method} not allowed: use {Allowed}");
            return;
        }
        var (ns, key, problem) = ParsePath(rest.Value);
        if (problem is not null)
        {
            await Text(response, StatusCodes.Status400BadRequest, problem);
            return;
        }

        try
        {
            switch (request.Method)
            {
                case "POST":
                    await PostAsync(context, ns, key);
                    break;
                case "GET":
                    await GetAsync(response, ns, key);
                    break;
                default:
                    await Answer(response, await backend.DeleteAsync(ns, key), StatusCodes.Status200OK, "deleted");
                    break;
            }
        }
        catch (Cluster.WriteNotAcknowledgedException e)
        {
            // Stored on fewer than W replicas: not promised (it may still spread, or not).
            if (!response.HasStarted) await Text(response, StatusCodes.Status503ServiceUnavailable, e.Message);
        }
        catch (Exception e) when (e is ExitException or Otp.Behaviours.StartFailedException)
        {
            // The store did not answer (timeout, crash, restarts exhausted): nothing to promise.
            if (!response.HasStarted) await Text(response, StatusCodes.Status503ServiceUnavailable, "store unavailable, try again");
        }
    }

    private async Task PostAsync(HttpContext context, string ns, string key)
    {
        var request = context.Request;
        if (request.ContentLength > options.MaxBodyBytes)
        {
            await TooLarge(context.Response);
            return;
        }
        // The limit is ours (checked while reading, for bodies without Content-Length), not
        // Kestrel's, so the answer is the same short 413 either way.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var body = await ReadAtMostAsync(request.Body, options.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await TooLarge(context.Response);
            return;
        }
        var value = new StoredValue(body, string.IsNullOrEmpty(request.ContentType) ? StoredValue.DefaultContentType : request.ContentType);
        var error = await backend.SetAsync(ns, key, value);
        if (error is null) context.Response.Headers.Location = $"/kv/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(key)}";
        await Answer(context.Response, error, StatusCodes.Status201Created, "created");
    }

    private async Task GetAsync(HttpResponse response, string ns, string key)
    {
        switch (await backend.GetAsync(ns, key))
        {
            case KvResult<StoredValue>.Ok { Value: var value }:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = value.ContentType;
                response.ContentLength = value.Body.Length;
                await response.Body.WriteAsync(value.Body);
                break;
            case KvResult<StoredValue>.Error { Reason.Type: KvError.NotFound }:
                await Text(response, StatusCodes.Status404NotFound, "not found");
                break;
            case KvResult<StoredValue>.Error { Reason: var reason }:
                await Text(response, StatusCodes.Status400BadRequest, reason.Message);
                break;
        }
    }

    private Task TooLarge(HttpResponse response) =>
        Text(response, StatusCodes.Status413PayloadTooLarge, $"body larger than {options.MaxBodyBytes} bytes");

    private static Task Answer(HttpResponse response, KvError? error, int status, string done) =>
        error is null ? Text(response, status, done) : Text(response, StatusCodes.Status400BadRequest, error.Message);

    /// <summary>Namespace and key of <c>/{ns}/{key}</c>, or (when the path is not exactly that,
    /// with both parts acceptable) the short message that says what is wrong.</summary>
    private (string Ns, string Key, string? Problem) ParsePath(string? rest)
    {
        if ((rest ?? "").Split('/') is not ["", var ns, var key]) return ("", "", "bad path: use /kv/{namespace}/{key}");
        string? problem =
            ns.Length == 0 ? "empty namespace" :
            ns.Length > options.MaxNamespaceLength ? $"namespace longer than {options.MaxNamespaceLength} characters" :
            key.Length == 0 ? "empty key" :
            key.Length > options.MaxKeyLength ? $"key longer than {options.MaxKeyLength} characters" :
            null;
        return (ns, key, problem);
    }

    /// <summary>The whole body, or null as soon as it turns out longer than <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long max, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + n > max) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static Task Text(HttpResponse response, int status, string message)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(message + "\n");
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }
}
