using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Binds checkboxes (bool and bool?) from "true"/"false" (and "on", a checkbox without a value).
/// Anything else becomes a message beside the field, and the field's attempted value is reset to
/// "false": the framework's binder kept the raw value, and the input tag helper then failed with
/// a 500 trying to read "maybe" as a boolean when the page was shown again.
/// </summary>
public sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var value = result.FirstValue?.Trim();
        var nullable = Nullable.GetUnderlyingType(bindingContext.ModelType) is not null;
        if (string.IsNullOrEmpty(value) && nullable)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (bool.TryParse(value, out var parsed) || string.Equals(value, "on", StringComparison.OrdinalIgnoreCase) && (parsed = true))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            bindingContext.Result = ModelBindingResult.Success(parsed);
            return Task.CompletedTask;
        }

        var name = bindingContext.ModelMetadata.GetDisplayName();
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, bool.FalseString);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"{name} is either ticked or not: this value cannot be read.");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new BooleanModelBinder() : null;
}
