using Microsoft.AspNetCore.Authorization;
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
        _ => "系统出错了",
    };

    public string Explanation => Code switch
    {
        404 => "您要找的页面或报告不存在，或不在您的权限范围内。",
        403 => "您的账户没有执行此操作的权限。",
        400 => "请求无法处理，请返回上一页刷新后重试。",
        _ => "处理请求时发生错误，请稍后重试。如果问题持续，请联系管理员并提供发生时间。",
    };

    public void OnGet(int? code) => Code = code ?? 500;

    public void OnPost(int? code) => Code = code ?? 500;
}
