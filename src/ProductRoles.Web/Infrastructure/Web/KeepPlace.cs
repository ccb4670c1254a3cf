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

    /// <summary>The element id to focus on this page, read once.</summary>
    public static string? Take(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[Key] as string;
    }
}
