using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Fuzz;

/// <summary>Who sends a route's cases and what its route values are (the report in the state that route works on).</summary>
public sealed record FuzzTarget(string? UserName, IReadOnlyDictionary<string, string> RouteValues);

/// <summary>What a run found: the figures for docs/security.md and every request that failed, written so it can be replayed.</summary>
public sealed record FuzzOutcome(int Cases, int Routes, TimeSpan Duration, IReadOnlyList<string> Failures, int FrameworkRefusals, int SessionsRenewed, IReadOnlyDictionary<string, int> StatusCounts)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Cases} cases over {Routes} routes in {Duration.TotalSeconds:F1} s: {Failures.Count} failures, {FrameworkRefusals} stopped by the framework (400 page), {SessionsRenewed} sessions renewed; statuses {string.Join(", ", StatusCounts.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}×{s.Value}"))}");
}

/// <summary>
/// Sends generated hostile input to every page handler and endpoint of the portal (read from the endpoint table, so a
/// new route is fuzzed by itself): form fields, query strings, uploads, route values, handler names and content types.
/// Each case carries a signed-in session and a valid antiforgery token, so it reaches the handler. The base of each
/// case is the real form the page draws (its hidden fields, row version, cell names), with one thing made hostile.
/// A case fails when the answer is 5xx, no answer comes, or the body shows an exception type or a stack trace.
/// </summary>
public sealed partial class HttpFuzzer(WebApplicationFactory<Program> host, Func<RouteProbe, FuzzTarget> targetOf)
{
    private const string TokenField = "__RequestVerificationToken";
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> originalRoles = new(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(System|Microsoft|Npgsql|GovDisclosure)\.[\w.]*Exception\b|\b[A-Z]\w*Exception:|^\s+at [\w.`<>]+\.[\w<>`|]+\(|\.cs:line \d+|--- End of stack trace", RegexOptions.Multiline)]
    private static partial Regex Leak();

    public async Task<FuzzOutcome> RunAsync(int caseCount, int seed, Func<int, bool>? only = null)
    {
        var routes = (await PortalEndpoints.ReadAsync(host.Services)).OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Handler, StringComparer.Ordinal).ToList();
        var bases = new Dictionary<RouteProbe, List<BaseForm>>();
        foreach (var route in routes)
        {
            bases[route] = await HarvestAsync(route);
        }

        var random = new Random(seed);
        var cases = new List<FuzzCase>(caseCount);
        for (var n = 0; n < caseCount; n++)
        {
            var route = routes[n % routes.Count];
            cases.Add(Generate(n, route, bases[route], random));
        }

        var failures = new List<string>();
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var (refusals, renewed) = (0, 0);
        var clock = Stopwatch.StartNew();
        foreach (var fuzz in cases.Where(c => only?.Invoke(c.Number) ?? true))
        {
            var session = await SessionAsync(fuzz.UserName);
            var (status, body, location, error) = await SendAsync(session, fuzz);
            var key = status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "none";
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            if (error is not null || status is null || (int)status >= 500 || (body is not null && Leak().IsMatch(body)))
            {
                var why = error ?? (status is null ? "no answer" : (int)status >= 500 ? $"status {(int)status}" : $"the body shows an exception: {Leak().Match(body!).Value}");
                failures.Add($"#{fuzz.Number} {fuzz.Method} {fuzz.Url} as {fuzz.UserName ?? "anonymous"} — {fuzz.What} → {why}");
            }

            if (status == HttpStatusCode.BadRequest && body is not null && body.Contains("请求无法处理，请返回上一页刷新后重试", StringComparison.Ordinal))
            {
                refusals++;
            }

            // A case may end the session (a role removed from the fuzzing admin, a sign-out): put the user back and go on.
            if (fuzz.UserName is not null && (status == HttpStatusCode.Forbidden || location?.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true))
            {
                await RepairAsync(fuzz.UserName);
                renewed++;
            }
        }

        return new FuzzOutcome(cases.Count(c => only?.Invoke(c.Number) ?? true), routes.Count, clock.Elapsed, failures, refusals, renewed, statuses);
    }

    // ---- the cases -----------------------------------------------------------------------------------------

    private sealed record BaseForm(bool Multipart, List<KeyValuePair<string, string>> Fields);

    private abstract record Body;

    private sealed record FormBody(List<(string Name, byte[] Value)> Fields, bool TokenInHeader = false) : Body;

    private sealed record MultipartBody(List<(string Name, byte[] Value)> Fields, List<(string Name, string FileName, string? ContentType, byte[] Bytes)> Files) : Body;

    private sealed record RawBody(string ContentType, byte[] Bytes) : Body;

    private sealed record FuzzCase(int Number, string? UserName, string Method, string Url, string What, Body? Body);

    private FuzzCase Generate(int number, RouteProbe route, List<BaseForm> candidates, Random random)
    {
        var target = targetOf(route);
        var isPost = route.Verb == "POST";
        var chosen = candidates.Count == 0 ? new BaseForm(route.Inputs.Any(i => i.Kind == InputKind.File), []) : candidates[random.Next(candidates.Count)];
        var fields = chosen.Fields.Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value))).ToList();
        var names = fields.Select(f => f.Key).Concat(route.Inputs.Where(i => i.Kind != InputKind.File).Select(i => i.Name)).Distinct(StringComparer.Ordinal).ToList();
        var fileInputs = route.Inputs.Where(i => i.Kind == InputKind.File).Select(i => i.Name).ToList();
        var handler = route.Handler is { Length: > 0 } h ? h : null;
        var routeValues = target.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        string what;
        List<(string Name, string FileName, string? ContentType, byte[] Bytes)> files = [];
        string? rawType = null;
        var tokenInHeader = false;

        var roll = random.Next(100);
        if (fileInputs.Count > 0 && isPost && roll < 45)
        {
            var file = FuzzValues.File(random);
            files.Add((fileInputs[random.Next(fileInputs.Count)], file.FileName, file.ContentType, file.Bytes));
            what = $"{files[0].Name} = {file.Label}";
        }
        else if (roll < 60 && names.Count > 0)
        {
            var name = names[random.Next(names.Count)];
            var value = FuzzValues.Pick(random);
            fields.RemoveAll(f => f.Key == name);
            fields.Add((name, value.Bytes));
            what = $"field {name} = {value.Label}";
        }
        else if (roll < 66 && names.Count > 0)
        {
            var values = names.Select(n => (Name: n, Value: FuzzValues.Pick(random))).ToList();
            fields = values.Select(v => (v.Name, v.Value.Bytes)).ToList();
            what = "every field hostile: " + string.Join("; ", values.Select(v => $"{v.Name} = {v.Value.Label}"));
        }
        else if (roll < 70)
        {
            fields.Clear();
            what = "every field empty or missing";
        }
        else if (roll < 75 && names.Count > 0)
        {
            var name = names[random.Next(names.Count)];
            var value = FuzzValues.Pick(random);
            fields.Add((name, value.Bytes));
            fields.Add((name, Encoding.UTF8.GetBytes(string.Empty)));
            what = $"field {name} sent three ways: as drawn, {value.Label} and empty";
        }
        else if (roll < 80)
        {
            var value = FuzzValues.Pick(random);
            handler = Encoding.UTF8.GetString(value.Bytes);
            what = $"handler = {value.Label}";
        }
        else if (roll < 86 && isPost)
        {
            (rawType, what) = random.Next(5) switch
            {
                0 => ("text/plain", "Content-Type text/plain"),
                1 => ("application/json", "Content-Type application/json"),
                2 => ("multipart/form-data; boundary=", "multipart without a boundary"),
                3 => ("application/x-www-form-urlencoded; charset=utf-16", "url-encoded form declared as UTF-16"),
                _ => ("application/xml", "Content-Type application/xml"),
            };
            tokenInHeader = true;
            what += " (antiforgery token in the header)";
        }
        else if (roll < 92 && routeValues.Count > 0)
        {
            var name = routeValues.Keys.ElementAt(random.Next(routeValues.Count));
            routeValues[name] = FuzzValues.RouteSegment(random);
            what = $"route value {name} = {routeValues[name]}";
        }
        else if (roll < 96)
        {
            var value = FuzzValues.Pick(random);
            var name = Encoding.UTF8.GetString(FuzzValues.Pick(random).Bytes);
            fields.Add((name.Length == 0 ? "x" : name, value.Bytes));
            what = $"unknown field {FuzzValue.Describe(name)} = {value.Label}";
        }
        else
        {
            var name = names.Count > 0 ? names[random.Next(names.Count)] : "page";
            fields.RemoveAll(f => f.Key == name);
            fields.Add((name, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "2147483647" : "-2147483648")));
            what = $"field {name} = int's limit";
        }

        var path = "/" + route.Pattern.TrimStart('/');
        foreach (var (name, value) in routeValues)
        {
            path = Regex.Replace(path, @"\{\**" + name + @"(:[^}]*)?\}", value);
        }

        var query = new List<(string, byte[])>();
        if (handler is not null)
        {
            query.Add(("handler", Encoding.UTF8.GetBytes(handler)));
        }

        Body? body = null;
        if (!isPost)
        {
            query.AddRange(fields);
        }
        else if (rawType is not null)
        {
            body = new RawBody(rawType, Encoding.UTF8.GetBytes(Encode(fields)));
        }
        else if (chosen.Multipart || files.Count > 0)
        {
            body = new MultipartBody(fields, files);
        }
        else
        {
            body = new FormBody(fields, tokenInHeader);
        }

        var url = query.Count == 0 ? path : path + "?" + Encode(query);
        return new FuzzCase(number, target.UserName, route.Verb, url, what, body);
    }

    private static string Encode(IEnumerable<(string Name, byte[] Value)> pairs) =>
        string.Join('&', pairs.Select(p => Percent(Encoding.UTF8.GetBytes(p.Name)) + "=" + Percent(p.Value)));

    // Every byte outside the unreserved set is escaped, so invalid UTF-8 travels as the bytes it is.
    private static string Percent(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    // ---- the requests --------------------------------------------------------------------------------------

    private static async Task<(HttpStatusCode? Status, string? Body, string? Location, string? Error)> SendAsync(Session session, FuzzCase fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Url);
        switch (fuzz.Body)
        {
            case FormBody form:
                var pairs = form.TokenInHeader ? form.Fields : [.. form.Fields, (TokenField, Encoding.UTF8.GetBytes(session.Token))];
                request.Content = Content("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(Encode(pairs)));
                break;
            case MultipartBody multipart:
                var boundary = "gdfuzz" + fuzz.Number.ToString(CultureInfo.InvariantCulture);
                request.Content = Content($"multipart/form-data; boundary={boundary}", Multipart(boundary, [.. multipart.Fields, (TokenField, Encoding.UTF8.GetBytes(session.Token))], multipart.Files));
                break;
            case RawBody raw:
                request.Content = Content(raw.ContentType, raw.Bytes);
                break;
        }

        if (fuzz.Body is RawBody or FormBody { TokenInHeader: true })
        {
            request.Headers.TryAddWithoutValidation("RequestVerificationToken", session.Token);
        }

        try
        {
            using var response = await session.Client.Http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, Encoding.UTF8.GetString(bytes), response.Headers.Location?.ToString(), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, null, null, $"no answer: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ByteArrayContent Content(string contentType, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    // Written by hand so that a file name or a field may carry bytes HttpClient's header types would refuse.
    private static byte[] Multipart(string boundary, List<(string Name, byte[] Value)> fields, List<(string Name, string FileName, string? ContentType, byte[] Bytes)> files)
    {
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in fields)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name.Replace("\"", "%22", StringComparison.Ordinal)}\"\r\n\r\n");
            body.Write(value);
            Write("\r\n");
        }

        foreach (var file in files)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{file.Name}\"; filename=\"{file.FileName.Replace("\"", "%22", StringComparison.Ordinal)}\"\r\n");
            if (file.ContentType is not null)
            {
                Write($"Content-Type: {file.ContentType}\r\n");
            }

            Write("\r\n");
            body.Write(file.Bytes);
            Write("\r\n");
        }

        Write($"--{boundary}--\r\n");
        return body.ToArray();
    }

    // ---- sessions and the forms the pages draw -------------------------------------------------------------

    private sealed class Session(PageClient client, string token)
    {
        public PageClient Client { get; } = client;

        public string Token { get; } = token;
    }

    private async Task<Session> SessionAsync(string? userName)
    {
        if (sessions.TryGetValue(userName ?? string.Empty, out var session))
        {
            return session;
        }

        PageClient client;
        if (userName is null)
        {
            client = new PageClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        }
        else
        {
            client = await PageClient.SignedIn(host, userName);
            if (!originalRoles.ContainsKey(userName))
            {
                using var scope = host.Services.CreateScopeForUsers(out var users);
                originalRoles[userName] = [.. await users.GetRolesAsync((await users.FindByNameAsync(userName))!)];
            }
        }

        var page = await client.Get(userName is null ? "/Account/Login" : "/Account/Manage/ChangePassword");
        session = new Session(client, page.Single($"input[name='{TokenField}']").GetAttribute("value")!);
        sessions[userName ?? string.Empty] = session;
        return session;
    }

    /// <summary>Gives a fuzzing account back its roles and an unlocked, known password, then signs it in afresh.</summary>
    private async Task RepairAsync(string userName)
    {
        using (var scope = host.Services.CreateScopeForUsers(out var users))
        {
            var user = (await users.FindByNameAsync(userName))!;
            var roles = await users.GetRolesAsync(user);
            if (!roles.Order(StringComparer.Ordinal).SequenceEqual(originalRoles[userName].Order(StringComparer.Ordinal)))
            {
                await users.RemoveFromRolesAsync(user, roles);
                await users.AddToRolesAsync(user, originalRoles[userName]);
            }

            await users.SetLockoutEndDateAsync(user, null);
            if (!await users.CheckPasswordAsync(user, StaffPortalFactory.Password))
            {
                await users.RemovePasswordAsync(user);
                await users.AddPasswordAsync(user, StaffPortalFactory.Password);
            }
        }

        sessions.Remove(userName);
        await SessionAsync(userName);
    }

    /// <summary>The forms the route's page draws for this handler, as the user would submit them untouched.</summary>
    private async Task<List<BaseForm>> HarvestAsync(RouteProbe route)
    {
        var target = targetOf(route);
        var path = "/" + route.Pattern.TrimStart('/');
        foreach (var (name, value) in target.RouteValues)
        {
            path = Regex.Replace(path, @"\{\**" + name + @"(:[^}]*)?\}", value);
        }

        var session = await SessionAsync(target.UserName);
        using var response = await session.Client.Http.GetAsync(path);
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return [];
        }

        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var method = route.Verb == "GET" ? "get" : "post";
        var found = new List<BaseForm>();
        foreach (var form in document.Forms)
        {
            if (!string.Equals(form.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var handlers = new List<string?> { HandlerOf(form.GetAttribute("action")) };
            foreach (var button in form.QuerySelectorAll("button, input[type=submit]"))
            {
                if (button.GetAttribute("formaction") is { } action)
                {
                    handlers.Add(HandlerOf(action));
                }

                if (button.GetAttribute("name") == "handler")
                {
                    handlers.Add(button.GetAttribute("value"));
                }
            }

            if (!handlers.Any(h => string.Equals(h ?? string.Empty, route.Handler ?? string.Empty, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            found.Add(new BaseForm(string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase), Fields(form)));
        }

        return found;
    }

    private static string? HandlerOf(string? action) =>
        action is null || !action.Contains("handler=", StringComparison.OrdinalIgnoreCase) ? null
        : Uri.UnescapeDataString(Regex.Match(action, "handler=([^&]*)", RegexOptions.IgnoreCase).Groups[1].Value);

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Name != TokenField && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
            }
        }

        return fields;
    }
}
