using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Support;

/// <summary>Where a request input travels: the query string, a form field, or a file of a multipart form.</summary>
public enum InputKind
{
    Query,
    Form,
    File,
}

/// <summary>One input a route binds, found in its compiled handler or page property (or a minimal-API delegate's parameter).</summary>
public sealed record RouteInput(string Name, Type Type, InputKind Kind);

/// <summary>One page handler or endpoint verb, with the inputs the code declares for it.</summary>
public sealed record RouteProbe(string Verb, string Pattern, string? Handler, IReadOnlyList<RouteInput> Inputs)
{
    public string Key => $"{Verb} /{Pattern.TrimStart('/')}";

    /// <summary>The route's parameter names ({id:int} → id), which come from the path, never from a field.</summary>
    public IReadOnlyList<string> RouteValues => [.. System.Text.RegularExpressions.Regex.Matches(Pattern, @"\{\**([A-Za-z]+)").Select(m => m.Groups[1].Value)];
}

/// <summary>
/// Every page handler and endpoint the running portal has, read at run time from the test host's EndpointDataSource
/// (each page's handlers from its compiled descriptor), so a test built on it covers a new page by itself.
/// </summary>
public static class PortalEndpoints
{
    /// <summary>GET and POST per page handler, and each minimal-API endpoint's verbs; sign-out last (it ends the session).</summary>
    public static async Task<List<RouteProbe>> ReadAsync(IServiceProvider services)
    {
        var probes = new List<RouteProbe>();
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var verb = string.Equals(handler.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) ? "GET" : "POST";
                    var kind = verb == "GET" ? InputKind.Query : InputKind.Form;
                    var inputs = new List<RouteInput>();
                    foreach (var parameter in handler.Parameters.Where(p => !routeValues.Contains(p.Name)))
                    {
                        Expand(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, kind, inputs, depth: 0);
                    }

                    foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                    {
                        var bind = property.Property.GetCustomAttribute<BindPropertyAttribute>();
                        if (verb == "GET" && bind?.SupportsGet != true)
                        {
                            continue;
                        }

                        Expand(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, kind, inputs, depth: 0);
                    }

                    probes.Add(new RouteProbe(verb, pattern, handler.Name, inputs.DistinctBy(i => i.Name).ToList()));
                }

                if (compiled.HandlerMethods.Count == 0)
                {
                    probes.Add(new RouteProbe("GET", pattern, null, []));
                }
            }
            else
            {
                var inputs = new List<RouteInput>();
                if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
                {
                    foreach (var parameter in method.GetParameters().Where(p => p.Name is not null && !routeValues.Contains(p.Name) && IsSimple(p.ParameterType)))
                    {
                        inputs.Add(new RouteInput(parameter.Name!, parameter.ParameterType, InputKind.Query));
                    }
                }

                foreach (var verb in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    probes.Add(new RouteProbe(verb, pattern, null, inputs));
                }
            }
        }

        return probes.DistinctBy(p => (p.Verb, p.Pattern, p.Handler)).OrderBy(p => p.Pattern.Contains("Logout", StringComparison.Ordinal)).ToList();
    }

    // A complex input (the page's InputModel) is bound field by field as Prefix.Property; two levels cover every page.
    private static void Expand(string name, Type type, InputKind kind, List<RouteInput> inputs, int depth)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        if (typeof(IFormFile).IsAssignableFrom(element) || typeof(IFormFileCollection).IsAssignableFrom(type))
        {
            inputs.Add(new RouteInput(name, type, InputKind.File));
        }
        else if (IsSimple(element))
        {
            inputs.Add(new RouteInput(name, type, kind));
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(Dictionary<,>) || generic == typeof(IDictionary<,>) || generic == typeof(IReadOnlyDictionary<,>)))
        {
            // The keys are what the page draws (cell codes, section keys); a made-up key still exercises the binder.
            inputs.Add(new RouteInput($"{name}[fuzz]", type.GetGenericArguments()[1], kind));
        }
        else if (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && IsSimple(type.GetGenericArguments()[0]))
        {
            inputs.Add(new RouteInput(name, type, kind));
        }
        else if (depth < 2 && type.IsClass && type != typeof(CancellationToken))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                Expand($"{name}.{property.Name}", property.PropertyType, kind, inputs, depth + 1);
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(Guid) || t == typeof(TimeOnly);
    }
}
