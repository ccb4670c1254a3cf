using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProductRoles.Bench;

/// <summary>Responses of a soak by status class; anything but 2xx/3xx (or no answer at all) is a failure.</summary>
public sealed record SoakResult(int Clients, double Seconds, long Ok2xx, long Redirect3xx, long Client4xx, long Server5xx, long NoAnswer)
{
    public long Total => Ok2xx + Redirect3xx + Client4xx + Server5xx + NoAnswer;

    public long NotOk => Client4xx + Server5xx + NoAnswer;

    public JsonObject ToJson() => new()
    {
        ["clients"] = Clients,
        ["seconds"] = Math.Round(Seconds, 1),
        ["moves"] = Total,
        ["2xx"] = Ok2xx,
        ["3xx"] = Redirect3xx,
        ["4xx"] = Client4xx,
        ["5xx"] = Server5xx,
        ["no_answer"] = NoAnswer,
        ["how"] = "one product owner signed in over HTTP; each client posts the backlog list's move form in a loop: 40 % Top, 40 % Bottom, 20 % to a random position, random items",
    };
}

/// <summary>
/// Clients moving backlog items at random to the top, the bottom and random places, as fast as the
/// app answers, through the list's own move form: the run that made rank keys outgrow their column.
/// </summary>
public static partial class SoakMoves
{
    public static async Task<SoakResult> RunAsync(AppUnderTest app, string email, string slug, IReadOnlyList<int> itemIds, int clients, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(itemIds);
        // By status class: [2] 2xx, [3] 3xx, [4] 4xx, [5] 5xx, [0] no answer.
        var counts = new long[6];
        var sessions = new List<(string Cookie, string Token)>();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = clients * 2 })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        // One sign-in shared by every client (the login rate limit allows 10 a minute per address);
        // each client is its own loop of requests on its own connection.
        var cookie = await app.SignInAsync(email);
        for (var n = 0; n < clients; n++)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"p/{slug}/backlog");
            get.Headers.TryAddWithoutValidation("Cookie", cookie);
            using var page = await http.SendAsync(get);
            var token = Token().Match(await page.Content.ReadAsStringAsync());
            if (!token.Success)
            {
                throw new InvalidOperationException("The backlog page has no move form.");
            }

            sessions.Add((cookie, WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        var started = DateTime.UtcNow;
        var deadline = started + duration;
        var workers = sessions.Select(async (session, n) =>
        {
            var random = new Random(n);
            while (DateTime.UtcNow < deadline)
            {
                var roll = random.Next(10);
                var fields = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["itemId"] = itemIds[random.Next(itemIds.Count)].ToString(CultureInfo.InvariantCulture),
                    ["move"] = roll < 4 ? "Top" : roll < 8 ? "Bottom" : "ToPosition",
                    ["__RequestVerificationToken"] = session.Token,
                };
                if (roll >= 8)
                {
                    fields["position"] = (random.Next(itemIds.Count) + 1).ToString(CultureInfo.InvariantCulture);
                }

                using var post = new HttpRequestMessage(HttpMethod.Post, $"p/{slug}/backlog?handler=Move") { Content = new FormUrlEncodedContent(fields) };
                post.Headers.TryAddWithoutValidation("Cookie", session.Cookie);
                try
                {
                    using var response = await http.SendAsync(post);
                    Interlocked.Increment(ref counts[Math.Clamp((int)response.StatusCode / 100, 2, 5)]);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref counts[0]);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        return new SoakResult(clients, (DateTime.UtcNow - started).TotalSeconds, counts[2], counts[3], counts[4], counts[5], counts[0]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
