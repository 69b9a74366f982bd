using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Support;

/// <summary>
/// A browser without JavaScript: GETs a page, reads its form (antiforgery token included) with AngleSharp,
/// changes some fields and posts it the way a browser would, following redirects by hand so tests can see them.
/// </summary>
public sealed class PageClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static PageClient For(StaffPortalFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static Task<PageClient> SignedIn(StaffPortalFactory factory, string userName) => SignedIn((WebApplicationFactory<Program>)factory, userName);

    public static async Task<PageClient> SignedIn(WebApplicationFactory<Program> factory, string userName)
    {
        var client = new PageClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var page = await client.Get("/Account/Login");
        var response = await client.Submit(page, "form", new() { ["Input.UserName"] = userName, ["Input.Password"] = StaffPortalFactory.Password }, follow: false);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        return client;
    }

    public async Task<Page> Get(string url, bool follow = true)
    {
        var response = await Http.GetAsync(url);
        return await Read(response, follow);
    }

    /// <summary>Posts the form found by <paramref name="formSelector"/>, pressing the button found by <paramref name="buttonSelector"/>.</summary>
    public async Task<Page> Submit(Page page, string formSelector, Dictionary<string, string>? values = null, string? buttonSelector = null, bool follow = true)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" || ((input.Type is "checkbox" or "radio") && !input.IsChecked))
                    {
                        continue;
                    }

                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        fields.Add(new(select.Name, option.Value));
                    }

                    break;
            }
        }

        foreach (var (name, value) in values ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var button = buttonSelector is null ? null : page.Document.QuerySelector(buttonSelector) as IHtmlButtonElement
            ?? throw new InvalidOperationException($"No button '{buttonSelector}' on {page.Url}.");
        if (button is not null && !string.IsNullOrEmpty(button.Name))
        {
            fields.Add(new(button.Name, button.Value));
        }

        var action = button?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction
            : form.GetAttribute("action") is { Length: > 0 } formActionAttr ? formActionAttr
            : page.Url;
        var response = await Http.PostAsync(action, new FormUrlEncodedContent(fields));
        return await Read(response, follow);
    }

    /// <summary>Posts fields to a handler of the page that has no visible form for it yet, with the page's antiforgery token.</summary>
    public async Task<Page> PostTo(Page page, string url, Dictionary<string, string> values, bool follow = true)
    {
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}.");
        var fields = values.Append(new("__RequestVerificationToken", token));
        return await Read(await Http.PostAsync(url, new FormUrlEncodedContent(fields)), follow);
    }

    /// <summary>Posts a multipart form with one file, as a browser's file input does, with the page's antiforgery token.</summary>
    public async Task<Page> PostFile(Page page, string url, Dictionary<string, string> values, string fileField, string fileName, byte[] bytes, bool follow = true)
    {
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}.");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in values.Append(new("__RequestVerificationToken", token)))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(bytes), fileField, fileName);
        return await Read(await Http.PostAsync(url, form), follow);
    }

    private async Task<Page> Read(HttpResponseMessage response, bool follow)
    {
        var hops = 0;
        while (follow && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
        {
            response = await Http.GetAsync(response.Headers.Location);
        }

        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage?.RequestUri?.PathAndQuery ?? "/";
        return new Page(response.StatusCode, url, response.Headers.Location?.ToString(), html, Parser.ParseDocument(html));
    }
}

public sealed record Page(HttpStatusCode Status, string Url, string? Location, string Html, IHtmlDocument Document)
{
    public string Text => Document.Body?.TextContent ?? string.Empty;

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public IElement Single(string selector) => Document.QuerySelector(selector) ?? throw new InvalidOperationException($"'{selector}' not found on {Url}.");

    /// <summary>The cell input with this code.</summary>
    public IHtmlInputElement Cell(string code) => (IHtmlInputElement)Single($"input[name='Input.Cells[{code}]']");
}
