using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Keeping the user's place after a post without JavaScript: the redirect goes to the changed row or
/// card (#item-N, #card-N, #roadmap-N) and the page that answers it puts focus there (autofocus), once.
/// </summary>
public static class KeepPlace
{
    private const string Key = "Focus";

    /// <summary>Which element the next page focuses: its id.</summary>
    public static void Focus(ITempDataDictionary tempData, string elementId)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = elementId;
    }

    /// <summary>
    /// The element id to focus on this page, read once. Not by a live refresh (?fragment=live): one that
    /// lands between a save and its redirect would take the focus meant for the redirect's page, and its
    /// answer would write the save's message back into the cookie, to be shown again on the next page.
    /// </summary>
    public static string? Take(HttpContext http, ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tempData);
        return LivePage.IsFragmentRequest(http) ? null : tempData[Key] as string;
    }
}
