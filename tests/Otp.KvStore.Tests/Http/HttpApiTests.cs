using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Otp.KvStore.Http;
using Otp.KvStore.Pure;

namespace Otp.KvStore.Tests.Http;

/// <summary>The HTTP API through a real HttpClient against Kestrel on loopback: every status, and the bad inputs.</summary>
public class HttpApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Text(string s, string type = "text/plain") => new(s, Encoding.UTF8, type);

    private static async Task<string> Show(HttpResponseMessage r) =>
        $"{(int)r.StatusCode} {(await r.Content.ReadAsStringAsync(Ct)).TrimEnd('\n')}";

    [Fact]
    public async Task Post_get_delete_get_and_another_method()
    {
        await using var api = await LiveApi.StartAsync();
        var c = api.Client;

        var post = await c.PostAsync("kv/books/erlang", Text("{\"title\":\"Programming Erlang\"}", "application/json"), Ct);
        Assert.Equal("201 created", await Show(post));
        Assert.Equal("/kv/books/erlang", post.Headers.Location?.OriginalString);

        var get = await c.GetAsync("kv/books/erlang", Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/json; charset=utf-8", get.Content.Headers.ContentType?.ToString());
        Assert.Equal("{\"title\":\"Programming Erlang\"}", await get.Content.ReadAsStringAsync(Ct));

        Assert.Equal("200 deleted", await Show(await c.DeleteAsync("kv/books/erlang", Ct)));
        Assert.Equal("404 not found", await Show(await c.GetAsync("kv/books/erlang", Ct)));

        var put = await c.PutAsync("kv/books/erlang", Text("x"), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(["GET", "POST", "DELETE"], put.Content.Headers.Allow);
        Assert.Equal(1, api.Backend.Sets);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Any_other_method_is_405_with_Allow_and_stores_nothing(string method)
    {
        await using var api = await LiveApi.StartAsync();
        var response = await api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "kv/ns/key") { Content = method == "HEAD" ? null : Text("body") }, Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, POST, DELETE", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal(0, api.Backend.Sets);
        Assert.Empty(api.Stores);
    }

    [Fact]
    public async Task Get_of_a_key_never_stored_is_404_and_starts_no_store()
    {
        await using var api = await LiveApi.StartAsync();
        Assert.Equal("404 not found", await Show(await api.Client.GetAsync("kv/nothere/key", Ct)));
        Assert.Equal("200 deleted", await Show(await api.Client.DeleteAsync("kv/nothere/key", Ct)));
        Assert.Empty(api.Stores);
    }

    [Fact]
    public async Task The_body_comes_back_byte_for_byte_with_its_content_type_or_octet_stream()
    {
        await using var api = await LiveApi.StartAsync(LiveApi.SmallLimits with { MaxBodyBytes = 1024 });
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var raw = new ByteArrayContent(bytes); // no Content-Type header at all
        Assert.Equal(HttpStatusCode.Created, (await api.Client.PostAsync("kv/bin/all", raw, Ct)).StatusCode);
        var png = new ByteArrayContent(bytes);
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        Assert.Equal(HttpStatusCode.Created, (await api.Client.PostAsync("kv/bin/png", png, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.Client.PostAsync("kv/bin/empty", new ByteArrayContent([]), Ct)).StatusCode);

        var all = await api.Client.GetAsync("kv/bin/all", Ct);
        Assert.Equal(bytes, await all.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(StoredValue.DefaultContentType, all.Content.Headers.ContentType?.MediaType);
        var back = await api.Client.GetAsync("kv/bin/png", Ct);
        Assert.Equal(bytes, await back.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("image/png", back.Content.Headers.ContentType?.ToString());
        var empty = await api.Client.GetAsync("kv/bin/empty", Ct);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty(await empty.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_second_post_replaces_the_value_and_namespaces_are_separate()
    {
        await using var api = await LiveApi.StartAsync();
        await api.Client.PostAsync("kv/a/k", Text("one"), Ct);
        await api.Client.PostAsync("kv/a/k", Text("two"), Ct);
        await api.Client.PostAsync("kv/b/k", Text("other"), Ct);
        Assert.Equal("200 two", await Show(await api.Client.GetAsync("kv/a/k", Ct)));
        Assert.Equal("200 other", await Show(await api.Client.GetAsync("kv/b/k", Ct)));
        Assert.Equal(["kv_store:a", "kv_store:b"], api.Stores.Order());
    }

    [Theory]
    [InlineData("kv//key", "empty namespace")]
    [InlineData("kv/ns/", "empty key")]
    [InlineData("kv/ns", "bad path: use /kv/{namespace}/{key}")]
    [InlineData("kv", "bad path: use /kv/{namespace}/{key}")]
    [InlineData("kv/ns/key/more", "bad path: use /kv/{namespace}/{key}")]
    [InlineData("kv/ninechars/key", "namespace longer than 8 characters")]
    [InlineData("kv/ns/seventeen-chars-k", "key longer than 16 characters")]
    public async Task A_bad_path_is_400_with_a_short_message_and_stores_nothing(string path, string message)
    {
        await using var api = await LiveApi.StartAsync();
        Assert.Equal($"400 {message}", await Show(await api.Client.PostAsync(path, Text("value"), Ct)));
        Assert.Equal($"400 {message}", await Show(await api.Client.GetAsync(path, Ct)));
        Assert.Equal(0, api.Backend.Sets);
        Assert.Empty(api.Stores);
    }

    [Fact]
    public async Task Lengths_at_the_limits_are_accepted()
    {
        await using var api = await LiveApi.StartAsync();
        var path = $"kv/{new string('n', 8)}/{new string('k', 16)}";
        var body = new string('b', 64);
        Assert.Equal("201 created", await Show(await api.Client.PostAsync(path, Text(body), Ct)));
        Assert.Equal($"200 {body}", await Show(await api.Client.GetAsync(path, Ct)));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_stores_nothing()
    {
        await using var api = await LiveApi.StartAsync();
        await api.Client.PostAsync("kv/ns/key", Text("old"), Ct);
        var response = await api.Client.PostAsync("kv/ns/key", Text(new string('x', 65)), Ct);
        Assert.Equal("413 body larger than 64 bytes", await Show(response));
        Assert.Equal("200 old", await Show(await api.Client.GetAsync("kv/ns/key", Ct)));
        Assert.Equal(1, api.Backend.Sets);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_and_stores_nothing()
    {
        await using var api = await LiveApi.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "kv/ns/key") { Content = new UnknownLengthContent(new byte[1000]) };
        var response = await api.Client.SendAsync(request, Ct);
        Assert.True(request.Headers.TransferEncodingChunked, "the body was not sent chunked");
        Assert.Equal("413 body larger than 64 bytes", await Show(response));
        Assert.Equal("404 not found", await Show(await api.Client.GetAsync("kv/ns/key", Ct)));
        Assert.Equal(0, api.Backend.Sets);
        Assert.Empty(api.Stores);
    }

    [Fact]
    public async Task A_path_outside_kv_is_404()
    {
        await using var api = await LiveApi.StartAsync();
        Assert.Equal("404 not found: the API is /kv/{namespace}/{key}", await Show(await api.Client.GetAsync("other/ns/key", Ct)));
    }

    [Fact]
    public async Task A_store_that_does_not_answer_is_503()
    {
        await using var api = await LiveApi.StartAsync(backend: new FailingBackend());
        Assert.Equal("503 store unavailable, try again", await Show(await api.Client.PostAsync("kv/ns/key", Text("v"), Ct)));
        Assert.Equal("503 store unavailable, try again", await Show(await api.Client.GetAsync("kv/ns/key", Ct)));
    }

    /// <summary>A body whose length HttpClient cannot know in advance, so it is sent chunked.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A store whose every call times out, as a call to a stuck server would.</summary>
    private sealed class FailingBackend : IKvBackend
    {
        private static ExitException Timeout() => new(ExitReason.Timeout);

        public Task<KvError?> SetAsync(string ns, string key, StoredValue value) => throw Timeout();

        public Task<KvResult<StoredValue>> GetAsync(string ns, string key) => throw Timeout();

        public Task<KvError?> DeleteAsync(string ns, string key) => throw Timeout();
    }
}
