using System.Net;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.ScaleOut;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Tests.ScaleOut;

/// <summary>
/// A personal access token's budget per minute is one budget whichever instance its requests land on (Redis counts
/// them), so a script cannot get twice the limit from two instances behind a load balancer.
/// </summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class TokenRateLimitAcrossInstancesTests(TwoInstances cluster)
{
    [SkippableFact]
    public async Task A_tokens_requests_to_both_instances_count_against_one_budget_and_the_refusal_says_when_to_retry()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var token = await cluster.A.Data.CreateAsync(AppFixture.Po, AccessTokenScope.Read, name: "Across instances");
        var bearer = new Dictionary<string, string>(StringComparer.Ordinal) { ["Authorization"] = "Bearer " + token };
        using var onA = cluster.A.Client(headers: bearer);
        using var onB = cluster.B.Client(headers: bearer);

        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var request = 0; request < TwoInstances.TokenRequestsPerMinute + 2; request++)
        {
            using var response = await (request % 2 == 0 ? onA : onB).GetAsync("/api/v1/products");
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta;
        }

        // Three requests to each instance alone would be within its limit of six; together they are not.
        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.OK, TwoInstances.TokenRequestsPerMinute), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        // Another token of the same person has a budget of its own.
        var other = await cluster.B.Data.CreateAsync(AppFixture.Po, AccessTokenScope.Read, name: "Another script");
        using var otherClient = cluster.B.Client(headers: new Dictionary<string, string>(StringComparer.Ordinal) { ["Authorization"] = "Bearer " + other });
        using var allowed = await otherClient.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
