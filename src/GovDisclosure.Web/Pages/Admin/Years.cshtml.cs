using System.ComponentModel.DataAnnotations;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>Reporting years: add one, open or close it for new reports, set its statutory deadlines.</summary>
public sealed class YearsModel(GovDisclosureDbContext db) : PageModel
{
    [BindProperty]
    public DeadlineInput Deadlines { get; set; } = new();

    public IReadOnlyList<ReportingYear> Years { get; private set; } = [];

    public async Task OnGetAsync() => Years = await db.ReportingYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync();

    public async Task<IActionResult> OnPostAddAsync(int year)
    {
        if (await db.ReportingYears.AnyAsync(y => y.Year == year))
        {
            TempData["StatusMessage"] = $"{year}年度已存在。";
            return RedirectToPage();
        }

        try
        {
            db.ReportingYears.Add(new ReportingYear(year, isOpen: false));
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            TempData["StatusMessage"] = ex.Message;
            return RedirectToPage();
        }

        TempData["StatusMessage"] = $"已添加{year}年度（尚未开放填报）。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOpenAsync(int year, bool open)
    {
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == year);
        if (reportingYear is null)
        {
            return NotFound();
        }

        reportingYear.SetOpen(open);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = open ? $"{year}年度已开放填报。" : $"{year}年度已关闭，不能再新建报告。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeadlinesAsync()
    {
        var reportingYear = await db.ReportingYears.SingleOrDefaultAsync(y => y.Year == Deadlines.Year);
        if (reportingYear is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                reportingYear.SetDeadlines(Deadlines.Department!.Value, Deadlines.Government!.Value);
                await db.SaveChangesAsync();
                TempData["StatusMessage"] = $"已更新{Deadlines.Year}年度截止日期。";
                return RedirectToPage();
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        Years = await db.ReportingYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync();
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
