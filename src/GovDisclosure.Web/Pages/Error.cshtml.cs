using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        404 => "页面不存在",
        403 => "无权访问",
        400 => "请求无效",
        413 => "提交的内容过大",
        _ => "系统出错了",
    };

    public string Explanation => Code switch
    {
        404 => "您要找的页面或报告不存在，或不在您的权限范围内。",
        403 => "您的账户没有执行此操作的权限。",
        400 => "请求无法处理，请返回上一页刷新后重试。",
        413 => "提交的内容超过了允许的大小，请缩减后重试。",
        _ => "处理请求时发生错误，请稍后重试。如果问题持续，请联系管理员并提供发生时间。",
    };

    public IActionResult OnGet(int? code) => Answer(code);

    public IActionResult OnPost(int? code) => Answer(code);

    /// <summary>An API client gets problem+json in Chinese for whatever status ends here (a binder's 400, a 405, a 500).</summary>
    private IActionResult Answer(int? code)
    {
        Code = code ?? 500;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (original is not null && original.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            var detail = Code switch
            {
                404 => "接口不存在，可用的接口见 /openapi/v1.json。",
                405 => "开放数据接口只接受 GET 请求。",
                400 => "请求参数格式有误，请对照 /openapi/v1.json 检查。",
                _ => "服务器处理请求时出错，请稍后重试。",
            };
            return new ObjectResult(new ProblemDetails { Status = Code, Title = PublicSite.ProblemTitle(Code), Detail = detail })
            {
                StatusCode = Code,
                ContentTypes = { "application/problem+json" },
            };
        }

        return Page();
    }
}
