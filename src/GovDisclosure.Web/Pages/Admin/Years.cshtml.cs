using System.ComponentModel.DataAnnotations;
using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Reports;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>Reporting years: add one, open or close it for new reports, set its statutory deadlines.</summary>
public sealed class YearsModel(YearAdmin years) : PageModel
{
    [BindProperty]
    public DeadlineInput Deadlines { get; set; } = new();

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    /// <summary>Set on the confirmation step of 恢复法定截止日期: what would change, or why the admin may not.</summary>
    public DeadlineResetPlan? ResetPlan { get; private set; }

    public async Task OnGetAsync() => Years = await years.ListAsync(User.RequiredScope());

    /// <summary>The confirmation: the page with the years whose deadlines would go back to the statutory dates.</summary>
    public async Task OnGetResetDeadlinesAsync()
    {
        var scope = User.RequiredScope();
        Years = await years.ListAsync(scope);
        ResetPlan = await years.PlanResetAsync(scope);
    }

    public async Task<IActionResult> OnPostResetDeadlinesAsync()
    {
        var result = await years.ResetDeadlinesAsync(User.RequiredScope());
        if (result.Status == UseCaseStatus.NotFound)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = result.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddAsync(int year)
    {
        TempData["StatusMessage"] = (await years.AddAsync(User.RequiredScope(), year)).Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOpenAsync(int year, bool open)
    {
        var result = await years.SetOpenAsync(User.RequiredScope(), year, open);
        if (result.Status == UseCaseStatus.NotFound)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = result.Message;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeadlinesAsync()
    {
        var scope = User.RequiredScope();
        if (ModelState.IsValid)
        {
            var result = await years.SetDeadlinesAsync(scope, Deadlines.Year, Deadlines.Department!.Value, Deadlines.Government!.Value);
            switch (result.Status)
            {
                case UseCaseStatus.NotFound:
                    return NotFound();
                case UseCaseStatus.Ok:
                    TempData["StatusMessage"] = result.Message;
                    return RedirectToPage();
                default:
                    ModelState.AddModelError(string.Empty, result.Message);
                    break;
            }
        }

        Years = await years.ListAsync(scope);
        if (Years.All(y => y.Year != Deadlines.Year))
        {
            return NotFound();
        }

        return Page();
    }

    public sealed class DeadlineInput
    {
        public int Year { get; set; }

        [Required(ErrorMessage = "请填写部门截止日期。")]
        public DateOnly? Department { get; set; }

        [Required(ErrorMessage = "请填写政府截止日期。")]
        public DateOnly? Government { get; set; }
    }
}
