using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Io;

namespace ProductRoles.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client for the test server: keeps cookies in a jar the test can read or copy,
/// does not follow redirects on its own, and submits real forms (antiforgery token included).
/// </summary>
public sealed class TestClient : IDisposable
{
    private static readonly Uri BaseAddress = new("http://localhost");
    private readonly HttpClient _http;

    public TestClient(AppFactory factory, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = factory.CreateDefaultClient(BaseAddress, new CookieHandler(Cookies));
    }

    /// <summary>
    /// The same, against an app listening on a real address (Kestrel), e.g. one of several instances;
    /// <paramref name="headers"/> go with every request (such as a proxy's X-Forwarded-For).
    /// </summary>
    public TestClient(Uri baseAddress, CookieContainer? cookies = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new CookieHandler(Cookies) { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } })
        {
            BaseAddress = baseAddress,
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _http.SendAsync(request, cancellationToken);

    /// <summary>Returns once the headers are in: the body is read as it streams.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion) => _http.SendAsync(request, completion);

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}, expected 200.");
        return await ParseAsync(response);
    }

    /// <summary>GETs, following redirects (as a browser does after a form post), and parses the final page.</summary>
    public async Task<IHtmlDocument> FollowAsync(HttpResponseMessage response)
    {
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            response = await _http.GetAsync(location);
        }

        using (response)
        {
            return await ParseAsync(response);
        }
    }

    /// <summary>
    /// Fills the page's form (found by selector) with the given values on top of what it already holds,
    /// and posts it to the form's action, as a browser would.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string>? values = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        continue;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        fields.Add(new(select.Name!, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        return await _http.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts arbitrary fields with a valid antiforgery token taken from any page of the app.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IReadOnlyDictionary<string, string> fields, string tokenPage = "/Account/Login")
    {
        var page = await GetPageForTokenAsync(tokenPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}.");
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await _http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public async Task SignInAsync(string email, string password)
    {
        var login = await GetPageAsync("/Account/Login");
        using var response = await SubmitAsync(login, "form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} failed with {(int)response.StatusCode}.");
    }

    public void Dispose() => _http.Dispose();

    private async Task<IHtmlDocument> GetPageForTokenAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var url = response.RequestMessage?.RequestUri?.ToString() ?? BaseAddress.ToString();
        var document = await context.OpenAsync(r => r.Content(html).Address(url).Status(response.StatusCode)
            .Header(HeaderNames.ContentType, "text/html; charset=utf-8"));
        return (IHtmlDocument)document;
    }

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var header = cookies.GetCookieHeader(uri);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(uri, setCookie);
                }
            }

            return response;
        }
    }
}
