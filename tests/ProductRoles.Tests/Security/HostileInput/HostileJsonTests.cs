using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProductRoles.Tests.Access;

namespace ProductRoles.Tests.Security.HostileInput;

/// <summary>
/// Hostile JSON to every API write the access rows list (so a new endpoint is covered by its access
/// row): broken JSON, wrong types, NUL and control characters, lone surrogates, numbers and enum
/// values out of range. It is answered 400, never 5xx, and changes nothing.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileJsonTests(HostileWalkFixture walk)
{
    /// <summary>Raw JSON for one property's value: each must be refused.</summary>
    private static readonly string[] RefusedValues =
    [
        "\"a\\u0000b\"", "\"a\\u001b[31mb\"", "\"a\\ud800b\"", "\"\\udc00\"", "{\"nested\":[1,2]}", "[\"array\"]",
        "1e400", "-99999999999999999999", "\"NoSuchValue\"", "99", "true", "\"" + new string('x', 100_000) + "\"",
    ];

    private static readonly string[] BrokenBodies =
    [
        "", "{", "{\"name\":", "[1,2,3]", "null", "\"just a string\"", "{\"name\":\"a\"\u0000}", "{'single':'quotes'}",
        "{\"a\":" + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "}",
    ];

    public static TheoryData<string> Writes()
    {
        var data = new TheoryData<string>();
        foreach (var row in AccessTests.AllRows.Where(r => r.IsApi && r.Method != "GET"))
        {
            data.Add(row.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Hostile_json_gets_400_and_changes_nothing(string rowName)
    {
        var row = AccessTests.AllRows.Single(r => r.Name == rowName);
        var url = await row.UrlInAsync(walk.App, HostileWalkFixture.Slug);
        var client = walk.Clients[row.Allowed[0].ToString()];
        var sample = JsonSerializer.SerializeToNode(row.Json)!.AsObject();
        var failures = new List<string>();

        foreach (var property in sample.Select(p => p.Key).ToList())
        {
            foreach (var value in RefusedValues)
            {
                var body = Replace(sample, property, value);
                var before = await walk.FingerprintAsync();
                var status = await SendAsync(client, row.Method, url, body, "application/json");
                // An unknown enum name is fine text for a text property: there it may be saved, or meet the
                // version check (409) when an earlier test already changed the same row.
                var validText = value == "\"NoSuchValue\"" && sample[property] is JsonValue v && v.TryGetValue<string>(out _)
                    && ((int)status < 300 || status == HttpStatusCode.Conflict);
                // Likewise 99 is a fine number for a number property (a position, a measured value): not only for an enum.
                validText |= value == "99" && sample[property] is JsonValue n && n.GetValueKind() == JsonValueKind.Number
                    && ((int)status < 300 || status == HttpStatusCode.Conflict);
                if (status != HttpStatusCode.BadRequest && !validText)
                {
                    failures.Add($"{row.Method} {url} with {property} = {value[..Math.Min(value.Length, 30)]} answered {(int)status}, expected 400.");
                }
                else if (status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict && before != await walk.FingerprintAsync())
                {
                    failures.Add($"{row.Method} {url} with {property} = {value[..Math.Min(value.Length, 30)]} was refused but changed something.");
                }
            }
        }

        foreach (var body in BrokenBodies)
        {
            var status = await SendAsync(client, row.Method, url, body, "application/json");
            if ((int)status is >= 500 or < 400)
            {
                failures.Add($"{row.Method} {url} with body {body[..Math.Min(body.Length, 30)]} answered {(int)status}, expected 4xx.");
            }
        }

        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-99", "multipart/form-data" })
        {
            var status = await SendAsync(client, row.Method, url, sample.ToJsonString(), type);
            if ((int)status is >= 500 or < 400)
            {
                failures.Add($"{row.Method} {url} sent as {type} answered {(int)status}, expected 4xx.");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Replace(JsonObject sample, string property, string rawValue)
    {
        var parts = sample.Select(p => JsonSerializer.Serialize(p.Key) + ":" + (p.Key == property ? rawValue : p.Value?.ToJsonString() ?? "null"));
        return "{" + string.Join(",", parts) + "}";
    }

    private static async Task<HttpStatusCode> SendAsync(Infrastructure.TestClient client, string method, string url, string body, string contentType)
    {
        using var tokenResponse = await client.GetAsync("/api/antiforgery");
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-CSRF-TOKEN", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
