using System.Net;
using Microsoft.Extensions.Configuration;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Infrastructure.Webhooks;

namespace ProductRoles.Tests.Webhooks;

/// <summary>SSRF: webhooks never reach into the server's own network, neither by the URL nor by what a name resolves to when connecting.</summary>
public sealed class WebhookTargetTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2001:db8::1")]
    public void Private_loopback_link_local_and_mapped_addresses_are_not_public(string address) =>
        Assert.False(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_public(string address) =>
        Assert.True(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1/hooks", "private network")]
    [InlineData("http://localhost:8080/hooks", "private network")]
    [InlineData("http://api.localhost/hooks", "private network")]
    [InlineData("http://[::1]/hooks", "private network")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data", "private network")]
    [InlineData("http://169.254.169.254/latest/meta-data", "private network")]
    [InlineData("http://2130706433/", "private network")]
    [InlineData("ftp://example.com/hooks", "Only http:// and https://")]
    [InlineData("file:///etc/passwd", "Only http:// and https://")]
    [InlineData("javascript:alert(1)", "Only http:// and https://")]
    [InlineData("https://user:secret@example.com/hooks", "Leave user names and passwords out")]
    [InlineData("example.com/hooks", "Enter the full URL")]
    [InlineData("/hooks", "Only http:// and https://")] // a rooted path reads as a file: URI on Linux
    public void Urls_that_cannot_be_targets_are_refused_with_the_reason(string url, string reason) =>
        Assert.Contains(reason, Targets(allowPrivate: false).RefusalForUrl(url), StringComparison.Ordinal);

    [Fact]
    public void The_setting_lets_loopback_through_but_never_another_scheme()
    {
        var targets = Targets(allowPrivate: true);
        Assert.Null(targets.RefusalForUrl("http://127.0.0.1:5000/hooks"));
        Assert.NotNull(targets.RefusalForUrl("file:///etc/passwd"));
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_when_connecting_and_the_receiver_gets_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // "localhost" is found by the resolver at connect time, as a rebinding name would be; the check is on the address.
        var url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        using var handler = new SocketsHttpHandler { ConnectCallback = Targets(allowPrivate: false).ConnectAsync, UseProxy = false };
        using var client = new HttpClient(handler);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(url, new StringContent("{}")));

        Assert.IsType<WebhookTargetRefusedException>(refused.InnerException);
        Assert.Equal(0, receiver.Arrivals);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(307);
        using var handler = new SocketsHttpHandler { ConnectCallback = Targets(allowPrivate: true).ConnectAsync, AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        using var response = await client.PostAsync(receiver.Url, new StringContent("""{"id":"00000000-0000-0000-0000-000000000001","event":"ping"}"""));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(1, receiver.Arrivals);
    }

    private static WebhookTargets Targets(bool allowPrivate) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateTargets"] = allowPrivate ? "true" : "false",
        }).Build());
}

/// <summary>The subscribe form says why a target is refused, beside the URL field, and stores nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class WebhookSubscribePageTests(AppFixture app)
{
    [Theory]
    [InlineData("http://127.0.0.1:9/hooks", "private network")]
    [InlineData("http://[::ffff:10.0.0.1]/hooks", "private network")]
    [InlineData("ftp://example.com/hooks", "Only http:// and https://")]
    [InlineData("", "Enter the URL")]
    public async Task A_refused_target_gets_a_message_beside_the_url_and_nothing_is_stored(string url, string message)
    {
        var product = await app.NewProduct("Webhook refused").BuildAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/settings/webhooks");
        using var response = await client.SubmitAsync(page, "#subscribe-form", new Dictionary<string, string> { ["Input.Url"] = url });

        var shown = await TestClient.ParseAsync(response);
        Assert.Contains(message, shown.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.WebhookSubscriptions, s => s.ProductId == product.Id)));
    }
}
