using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Auditing;
using ProductRoles.Web.Data.Identity;

namespace ProductRoles.Web.Infrastructure.Security;

public static class IdentityServices
{
    public const string LoginRateLimitPolicy = "login";

    /// <summary>
    /// Identity with cookie login: passwords of 12 characters that are hard to guess, lockout after
    /// 5 failures (counted by the sign-in itself, see <c>FailedSignIns</c>), server-side sessions.
    /// </summary>
    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ProductRoles.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Login";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Replaces Identity's security-stamp check: one indexed lookup of the session row per request.
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
                {
                    // An API or live-updates client gets a plain 401, not the sign-in page or the HTML error page.
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });

        var permitsPerMinute = configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                // Tell the client when it may try again: the rest of the current window, in whole seconds.
                var retryAfter = ScaleOut.LoginRateLimit.RetryAfter(context.Lease) ?? TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Only posting the login form counts: a client may look at the page as often as it likes.
            // Per client address, shared by every instance when Redis is configured (ScaleOut.LoginRateLimit).
            o.AddPolicy(LoginRateLimitPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? ScaleOut.LoginRateLimit.For(http, permitsPerMinute)
                : RateLimitPartition.GetNoLimiter("read"));
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IChangeAuthor>(s => s.GetRequiredService<ICurrentUser>());
        services.AddProductAccess();
        return services;
    }
}
