using FluentValidation;
using Mediator;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>
/// Runs the rules every request obeys (<see cref="RequestText"/>: no control characters, broken
/// characters or unnamed enum values) and then the request's FluentValidation validators before its
/// handler; failures never reach the database. A domain rule the handler's entities refuse
/// (<see cref="DomainRuleException"/>) fails the same way, after the unit of work has rolled back.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        Dictionary<string, List<string>>? errors = null;
        foreach (var (property, problem) in RequestText.Check(message))
        {
            errors ??= [];
            if (!errors.TryGetValue(property, out var list))
            {
                errors[property] = list = [];
            }

            list.Add(problem);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
            {
                errors ??= [];
                if (!errors.TryGetValue(failure.PropertyName, out var list))
                {
                    errors[failure.PropertyName] = list = [];
                }

                list.Add(failure.ErrorMessage);
            }
        }

        if (errors is not null)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        try
        {
            return await next(message, cancellationToken);
        }
        catch (DomainRuleException ex)
        {
            throw new RequestValidationException(ex.Errors);
        }
    }
}
