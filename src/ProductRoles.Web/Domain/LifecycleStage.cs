namespace ProductRoles.Web.Domain;

/// <summary>Where a product stands in its life; the product manager's focus shifts with it.</summary>
public enum LifecycleStage
{
    Discovery,
    Development,
    Launch,
    Growth,
    Maturity,
    Sunset,
}

public static class LifecycleStages
{
    /// <summary>Before launch the product manager leads with strategy and vision.</summary>
    public static bool IsBeforeLaunch(this LifecycleStage stage) =>
        stage is LifecycleStage.Discovery or LifecycleStage.Development;
}
