using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GovDisclosure.Web.Public;

/// <summary>
/// The OpenAPI document of the open-data API and the downloads, at a URL that never moves
/// (<see cref="DocumentUrl"/>); docs/api.md describes the same routes and a test holds the two together.
/// </summary>
public static class PublicOpenApi
{
    public const string DocumentUrl = "/openapi/v1.json";

    /// <summary>The handlers take these as text to word their own 400 (<see cref="ListParameters.Integer"/>); clients send integers.</summary>
    private static readonly HashSet<string> IntegerParameters = new(StringComparer.Ordinal) { "year", "agency", "page", "pageSize" };

    public static IServiceCollection AddPublicOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "政府信息公开工作年度报告平台 开放数据接口",
                    Version = "v1",
                    Description = "只读、免登录；只返回已发布的版本。错误为 RFC 7807 application/problem+json，detail 为中文说明。",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                {
                    if (parameter.Name is { } name && IntegerParameters.Contains(name))
                    {
                        parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
                    }
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapPublicOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().CacheOutput(PublicCache.ListPolicy);
        return app;
    }
}
