using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using ProductRoles.Web.Api;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Seeding;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Features.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Live;
using ProductRoles.Web.Infrastructure.Logging;
using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.ScaleOut;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Web;
using ProductRoles.Web.Infrastructure.Web.Wire;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// The build writes the OpenAPI document (obj/openapi) by starting the app in GetDocument.Insider only to read its
// endpoints: then it touches no database (no migrations, no seed, no key ring, no background work).
var buildingOpenApiDocument = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

// Logging: Serilog from configuration, enriched per request (user, product, request name).
// The logger belongs to this app instance, not the static Log.Logger, so several hosts in one
// process (tests, the benchmark) each log to their own sinks.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext(), preserveStaticLogger: true);
builder.Services.CacheLoggersPerCategory(turnedOff: [LeanLogging.HostingDiagnostics], withoutScopes: LeanLogging.WithoutScopes);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

// Data: SQLite by default, SQL Server when configured; Data Protection keys live in the database
// so several instances behind a load balancer share logins.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAppData(builder.Configuration, builder.Environment.ContentRootPath);
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ProductRoles");
if (!buildingOpenApiDocument)
{
    dataProtection.PersistKeysToDbContext<AppDbContext>();
}

var health = builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

// Identity, sessions, login rate limit, and the per-product access resolver.
builder.Services.AddAppIdentity(builder.Configuration);
// Scripts sign in to the API with a personal access token instead of the cookie.
builder.Services.AddAccessTokens(builder.Configuration);

// Mediator: every page and API call sends a request through logging → authorization → validation →
// unit of work (commands only: one transaction, domain events handled inside it).
builder.Services.AddMediator((MediatorOptions o) =>
{
    o.ServiceLifetime = ServiceLifetime.Scoped;
    o.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(UnitOfWorkBehaviour<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
builder.Services.AddDomainEvents();
builder.Services.AddLiveUpdates(builder.Configuration);

// More than one instance: Redis (SignalR backplane, shared presence, shared login rate limit, health
// check) when Redis:ConnectionString is set; forwarded headers from the configured proxies only.
// After the live updates, whose in-memory presence store it replaces.
builder.Services.AddScaleOut(builder.Configuration, health);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddHostedService<ProductRoles.Web.Features.ProductOwner.Backlog.BacklogRankRebalancer>();
// Outbox: what commands send outside (webhooks), written in their transaction, sent by one instance at a time.
builder.Services.AddOutbox();
builder.Services.AddWebhooks(builder.Configuration);
// Share links for stakeholders without an account: their rate limit.
ProductRoles.Web.Features.Sharing.SharingServices.AddSharing(builder.Services, builder.Configuration);
// Notifications: the inbox and bell, watching, mail through the outbox and the daily digest.
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddSingleton<ProductRoles.Web.Features.ProductOwner.Import.ImportFileStore>();
builder.Services.AddSingleton<ProductRoles.Web.Features.ProductOwner.Import.BacklogImportQueue>();
builder.Services.AddHostedService<ProductRoles.Web.Features.ProductOwner.Import.BacklogImportRunner>();
foreach (var step in typeof(Program).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDemoSeedStep).IsAssignableFrom(t)))
{
    builder.Services.AddScoped(typeof(IDemoSeedStep), step);
}

// Pages: every page requires login unless it says otherwise; refusals map to 404/403.
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToFolder("/Account");
    o.Conventions.AllowAnonymousToPage("/Error");
}).AddMvcOptions(o =>
{
    o.Filters.Add<RequestOutcomePageFilter>();
    // Checkboxes that post something other than true/false get a message, not a 500 when the page is shown again.
    o.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
    // Binding messages never repeat the posted value: it can be 100,000 characters or markup.
    var messages = o.ModelBindingMessageProvider;
    messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"{field}: this value cannot be read.");
    messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "This value cannot be read.");
    messages.SetUnknownValueIsInvalidAccessor(field => $"{field}: this value cannot be read.");
    messages.SetValueIsInvalidAccessor(_ => "This value cannot be read.");
    messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number.");
    messages.SetValueMustNotBeNullAccessor(field => $"{field} needs a value.");
}).AddCookieTempDataProvider(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "ProductRoles.Antiforgery";
    // Secure whenever the request came over HTTPS, as the login cookie is (the default sets no flag at all).
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.HeaderName = "X-CSRF-TOKEN";
});
builder.Services.AddApi();
// Compression (Brotli, gzip; BREACH considered in WireSetup), fingerprinted static files cached a year, the import map.
builder.Services.AddWireSize();
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});

if (buildingOpenApiDocument)
{
    // No background work (rebalancer, outbox sender, key ring) while the build only reads the endpoints.
    Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.RemoveAll<IHostedService>(builder.Services);
}

var app = builder.Build();

if (!buildingOpenApiDocument)
{
    await DatabaseStartup.InitializeAsync(app.Services, app.Configuration, app.Logger);
}

// First, so that everything after it (HTTPS detection, HSTS, the rate limit, the log) sees the client.
app.UseScaleOut(app.Configuration);
// The live hub's connections take a short pipeline of their own (see UseLiveUpdates).
app.UseLiveUpdates();
// Every other request's log events carry its id and path (in place of hosting's scope: see RequestLogContext).
app.UseMiddleware<RequestLogContext>();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseMiddleware<ApiProblemMiddleware>();
app.UseSerilogRequestLogging(o =>
{
    // This app's own logger (the static one is left alone; see AddSerilog above).
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    o.EnrichDiagnosticContext = (diagnostics, http) =>
        diagnostics.Set("User", http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null);
});
// After the request log, so an abandoned request is logged as 499, not as a 500 error.
app.UseMiddleware<AbortedRequestMiddleware>();
app.UseMiddleware<RequestCharsetMiddleware>();
app.UseWireSize();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
// After authorization: the API's limits are per personal access token, known only once it signed the request in.
app.UseRateLimiter();

app.MapHealthChecks("/health");
app.MapRazorPages();
app.MapApi();

await app.RunAsync();

/// <summary>Entry point; partial so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
