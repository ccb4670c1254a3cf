using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ProductRoles.Bench;

/// <summary>What the fan-out run needs to know of the live hub (<c>Infrastructure/Live/LiveHub.cs</c>):
/// where it is, how a page follows a product's backlog, and how a change to the backlog looks.</summary>
public static class LiveContract
{
    public const string HubPath = "hubs/live";

    public const string ChangeMethod = "changed";

    /// <summary>As the backlog page joins: its product and view, not an edit form.</summary>
    public static Task JoinBacklogAsync(HubConnection connection, string slug) => connection.InvokeAsync<JsonElement>("Join", slug, "backlog", false);

    /// <summary>As an item's page joins: every idle client on a page of its own, as people spread over items are.</summary>
    public static Task JoinItemAsync(HubConnection connection, string slug, int item) =>
        connection.InvokeAsync<JsonElement>("Join", slug, $"backlog-item:{item}", false);

    /// <summary>A change message (<c>LiveMessage</c>) whose topics include the backlog.</summary>
    public static bool IsBacklogChange(JsonElement change) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty("topics", out var topics) && topics.ValueKind == JsonValueKind.Array &&
        topics.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "backlog");
}
