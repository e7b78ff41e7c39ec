using System.Net;
using System.Net.Http.Headers;
using Workbook.Notebooks.Helpers.KvStore;
using Workbook.Notebooks.Helpers.Nodes;

namespace Otp.KvStore.Tests.Helpers;

/// <summary>The notebooks' <see cref="KvStoreProcess"/> (chapter 7 relies on each): the store's
/// command line as a process that is found, listens where it says, takes the options it is given
/// (also a private EPMD), reports a failed start with what it printed, and is gone after a kill.</summary>
public class KvStoreProcessTests
{
    [Fact]
    public async Task It_serves_the_api_on_the_address_it_reports_and_stops_on_dispose()
    {
        var store = await KvStoreProcess.StartAsync(["--max-body", "10"]);
        using var http = new HttpClient { BaseAddress = store.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            Assert.Equal(IPAddress.Loopback.ToString(), store.BaseAddress.Host);
            var body = new StringContent("hello");
            body.Headers.ContentType = new MediaTypeHeaderValue("text/x-test");
            using var posted = await http.PostAsync("kv/ns/k", body, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            using var read = await http.GetAsync("kv/ns/k", TestContext.Current.CancellationToken);
            Assert.Equal("hello", await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal("text/x-test", read.Content.Headers.ContentType?.MediaType);
            // The option reached the store: 11 bytes is over its limit of 10.
            using var big = await http.PostAsync("kv/ns/big", new StringContent("hello world"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
            Assert.Contains(store.Lines, l => l.StartsWith("kv: HTTP API on ", StringComparison.Ordinal));
        }
        finally
        {
            await store.DisposeAsync();
        }
        Assert.False(store.IsRunning);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("kv/ns/k", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_store_that_exits_before_listening_fails_the_start_with_what_it_printed()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => KvStoreProcess.StartAsync(["--no-such-option"]));
        Assert.Contains("exited before it listened", e.Message);
        Assert.Contains("--no-such-option", e.Message);
    }

    [Fact]
    public async Task Named_stores_on_a_private_epmd_form_a_cluster_and_a_killed_one_costs_the_acknowledgement()
    {
        await using var cluster = LocalCluster.Start();
        string[] names = [cluster.NameOf("kv0"), cluster.NameOf("kv1")];
        string[] Options(string name) => ["--sname", name, "--cookie", "bookclub", "--hosts", string.Join(",", names), "--w", "2", "--sync-ms", "200"];
        await using var kv0 = await KvStoreProcess.StartAsync(Options(names[0]), cluster.EpmdPort);
        await using var kv1 = await KvStoreProcess.StartAsync(Options(names[1]), cluster.EpmdPort);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        async Task<HttpStatusCode> Post(string key)
        {
            using var r = await http.PostAsync(new Uri(kv0.BaseAddress, $"kv/ns/{key}"), new StringContent("v"), TestContext.Current.CancellationToken);
            return r.StatusCode;
        }
        // W=2 of 2: a 201 needs both, so it proves they found each other through this cluster's EPMD.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 150 && status != HttpStatusCode.Created; i++)
        {
            status = await Post("first");
            if (status != HttpStatusCode.Created) await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Equal(HttpStatusCode.Created, status);
        kv1.Kill();
        for (var i = 0; i < 100 && kv1.IsRunning; i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(kv1.IsRunning);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Post("second"));
    }
}
