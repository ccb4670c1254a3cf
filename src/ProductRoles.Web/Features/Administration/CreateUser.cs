using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Administration;

/// <summary>An administrator creates a user account; product roles are given on the product's members page.</summary>
public sealed record CreateUser(string Email, string DisplayName, string Password, bool IsAdministrator)
    : ICommand<string>, IAdministratorRequest
{
    // Never let a password reach a log line through the record's generated ToString.
    public override string ToString() => $"CreateUser {{ Email = {Email} }}";
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the user's email address.")
            .EmailAddress().WithMessage("Enter a valid email address, like name@example.com.")
            .MaximumLength(256);
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the name people will see.")
            .MaximumLength(UserProfile.DisplayNameMaxLength);
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter a password.")
            .MinimumLength(12).WithMessage("Use at least 12 characters for the password.");
    }
}

public sealed class CreateUserHandler(UserManager<AppUser> users) : ICommandHandler<CreateUser, string>
{
    public async ValueTask<string> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw RequestValidationException.For(nameof(command.Email), "A user with this email address already exists.");
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = command.DisplayName.Trim() };
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            // Identity's own password rules (e.g. too common) come back beside the password field.
            throw new RequestValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [nameof(command.Password)] = created.Errors.Select(e => e.Description).ToArray(),
            });
        }

        if (command.IsAdministrator)
        {
            await users.AddToRoleAsync(user, AppRoles.Administrator);
        }

        return user.Id;
    }
}
