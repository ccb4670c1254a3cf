using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProductRoles.Tests.Api;

/// <summary>What every API test checks the same way: ids of created things, field errors, conflicts, and writes with If-Match.</summary>
public static class ApiAssert
{
    public static async Task<int> IdAsync(HttpResponseMessage created)
    {
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>400 as a validation problem naming each of <paramref name="fields"/> (the request's property names).</summary>
    public static async Task FieldErrorsAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        foreach (var field in fields)
        {
            Assert.True(errors.Any(e => e.EndsWith(field, StringComparison.OrdinalIgnoreCase)), $"No error for {field} in {body}");
        }
    }

    /// <summary>409 with the current version, also as the ETag.</summary>
    public static async Task ConflictAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"Expected 409, got {(int)response.StatusCode}: {body}");
        var current = JsonDocument.Parse(body).RootElement.GetProperty("currentVersion").GetInt32();
        Assert.Equal($"\"{current}\"", response.Headers.ETag?.Tag);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
