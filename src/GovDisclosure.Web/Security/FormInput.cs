using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GovDisclosure.Web.Security;

/// <summary>
/// Form input the portal refuses before a handler acts on it, with a message on the form rather than the
/// framework's bare 400 page: control characters (PostgreSQL cannot store NUL in text, and no report needs
/// the others) and over-long values.
/// </summary>
public static class FormInput
{
    /// <summary>
    /// Largest single form value the framework will read. It is well above every field's own limit (a section
    /// is at most 100,000 characters), so an over-long value reaches the page's validation and is answered
    /// there, next to the field, instead of failing while the form is read.
    /// </summary>
    public const int ValueLengthLimit = 16 * 1024 * 1024;

    public static IServiceCollection AddFormInputChecks(this IServiceCollection services)
    {
        services.Configure<FormOptions>(o => o.ValueLengthLimit = ValueLengthLimit);
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            o.Conventions.ConfigureFilter(new ControlCharacterFilter());
        });
        services.Configure<MvcOptions>(o => UseChineseBindingMessages(o.ModelBindingMessageProvider));
        return services;
    }

    /// <summary>
    /// The binder's own messages (a number that does not parse, a date that does not exist) in Chinese, naming the
    /// field by its display name; the typed value is quoted, shortened, so a megabyte of text is not echoed back.
    /// </summary>
    private static void UseChineseBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}：“{Shorten(value)}”不是有效的值。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{Shorten(value)}”不是有效的值。");
        m.SetValueIsInvalidAccessor(value => $"“{Shorten(value)}”不是有效的值。");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "该值无效。");
        m.SetValueMustBeANumberAccessor(field => $"{field}应为数字。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "此处应为数字。");
        m.SetMissingBindRequiredValueAccessor(field => $"请填写{field}。");
        m.SetValueMustNotBeNullAccessor(field => $"请填写{field}。");
        m.SetMissingKeyOrValueAccessor(() => "缺少填写的值。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "提交的内容为空。");
    }

    private static string Shorten(string value) =>
        value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…（共", value.Length.ToString(CultureInfo.InvariantCulture), "个字符）");

    /// <summary>Tab and line breaks are text; every other C0/C1 control character is not.</summary>
    public static bool HasControlCharacter(string value) => value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    private sealed class ControlCharacterFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            var request = context.HttpContext.Request;
            if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
            {
                return;
            }

            var found = false;
            foreach (var (key, values) in request.Form)
            {
                if (key == "__RequestVerificationToken" || !values.Any(v => v is not null && HasControlCharacter(v)))
                {
                    continue;
                }

                // Keyed by the field's name, so the page shows it beside the field and keeps what was typed.
                context.ModelState.AddModelError(key, "此处含有不可见的控制字符（如 NUL），请删除后再提交。");
                found = true;
            }

            if (found)
            {
                context.ModelState.AddModelError(string.Empty, "提交的内容含有不可见的控制字符，未保存；请删除标出的内容后再提交。");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}

/// <summary>
/// A request naming a handler the page does not have (?handler=Nope), or a POST to a page with POST handlers but no
/// default one, would render the page without any handler having loaded what it shows: 404, as for any unknown address.
/// A GET without a handler name on a page with no OnGet (sign-out's confirmation) renders as before.
/// </summary>
internal sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is not null || context.ActionDescriptor.HandlerMethods.Count == 0)
        {
            return;
        }

        var request = context.HttpContext.Request;
        var named = !string.IsNullOrEmpty(context.RouteData.Values["handler"] as string) || !string.IsNullOrEmpty(request.Query["handler"]);
        if (named || (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

/// <summary>
/// A body that cannot be read as the form it claims to be (multipart without a boundary, a field name past the
/// reader's 2,048 characters, a body over the size limit): no browser sends one, and the framework's reader throws.
/// Answered with the 400 (or 413) page instead of a 500; the form is emptied first, so the error page that is then
/// rendered for the same request does not trip over it again.
/// </summary>
public sealed class UnreadableFormMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && IsFormReadFailure(e, out var status))
        {
            context.Request.ContentType = null;
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.Clear();
            context.Response.StatusCode = status;
        }
    }

    // Only the framework's own form and multipart readers: an InvalidDataException from a document reader is a bug to see.
    private static bool IsFormReadFailure(Exception e, out int status)
    {
        status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        return e is InvalidDataException or BadHttpRequestException
            && e.Source is "Microsoft.AspNetCore.Http" or "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Server.Kestrel.Core";
    }
}

/// <summary>
/// ASP.NET Core's form reader throws on an encoded NUL (%00) before any handler runs, which ends in the bare
/// 400 page and loses everything typed. This swaps NUL for another control character (U+0001) in url-encoded
/// form bodies, so the form is read, the control-character check names the field and the page comes back
/// with the user's input; nothing with a control character is ever saved, so the swap never reaches the database.
/// </summary>
public sealed class NulInFormMiddleware(RequestDelegate next)
{
    private const int MaxBufferedBody = FormInput.ValueLengthLimit;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is null or <= MaxBufferedBody)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            var bytes = buffer.ToArray();
            if (Replace(bytes) is { } replaced)
            {
                bytes = replaced;
            }

            request.Body = new MemoryStream(bytes, writable: false);
            request.ContentLength = bytes.Length;
        }

        await next(context);
    }

    /// <summary>The body with every %00 (either case) and raw NUL byte turned into %01, or null when there is none.</summary>
    private static byte[]? Replace(byte[] body)
    {
        var found = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0)
            {
                body[i] = 1;
                found = true;
            }
            else if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                body[i + 2] = (byte)'1';
                found = true;
            }
        }

        return found ? body : null;
    }
}
