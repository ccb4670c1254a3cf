using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain;

/// <summary>Where a product stands in its life; the product manager's focus shifts with it.</summary>
public enum LifecycleStage
{
    [Display(Name = "Discovery")]
    Discovery,
    [Display(Name = "Development")]
    Development,
    [Display(Name = "Launch")]
    Launch,
    [Display(Name = "Growth")]
    Growth,
    [Display(Name = "Maturity")]
    Maturity,
    [Display(Name = "Sunset")]
    Sunset,
}

public static class LifecycleStages
{
    /// <summary>Before launch the product manager leads with strategy and vision.</summary>
    public static bool IsBeforeLaunch(this LifecycleStage stage) =>
        stage is LifecycleStage.Discovery or LifecycleStage.Development;
}
