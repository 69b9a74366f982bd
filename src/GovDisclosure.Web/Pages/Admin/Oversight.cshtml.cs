using System.ComponentModel.DataAnnotations;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Oversight;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>
/// The region's review settings: the 雷同 提示线 above which a section needs a 说明, whether the public report page shows
/// each section's 雷同 figure, and the thresholds of the anomaly hints. A government office's admin sets them for its
/// region; every change is audited.
/// </summary>
public sealed class OversightModel(ReviewSettingsAdmin admin) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ReviewSettingsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await admin.GetAsync(User.RequiredScope());
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Input = InputModel.From(view.Settings);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = User.RequiredScope();
        if (!ModelState.IsValid)
        {
            return await Redisplay(scope);
        }

        var result = await admin.SetAsync(scope, new ReviewSettingsInput(
            Input.CopyThresholdPercent!.Value, Input.ShowCopyFigurePublicly, Input.AnomalyZ!.Value, Input.AnomalyFloor!.Value, Input.JumpRatio!.Value));
        if (result.Status == UseCaseStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            TempData["StatusMessage"] = result.Message;
            return RedirectToPage();
        }

        ModelState.AddModelError(string.Empty, result.Message);
        return await Redisplay(scope);
    }

    private async Task<IActionResult> Redisplay(Application.Common.UserScope scope)
    {
        var view = await admin.GetAsync(scope);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写雷同提示线（百分比，填0表示不提示）。")]
        [Range(0, ReviewSettings.MaxCopyThreshold, ErrorMessage = "雷同提示线应为0至100之间的整数。")]
        public int? CopyThresholdPercent { get; set; }

        public bool ShowCopyFigurePublicly { get; set; }

        [Required(ErrorMessage = "请填写稳健Z值提示线。")]
        [Range(typeof(decimal), "1", "20", ErrorMessage = "稳健Z值提示线应在1至20之间。")]
        public decimal? AnomalyZ { get; set; }

        [Required(ErrorMessage = "请填写最小差额（件）。")]
        [Range(1, 100_000, ErrorMessage = "最小差额应为1至100000之间的整数（件）。")]
        public int? AnomalyFloor { get; set; }

        [Required(ErrorMessage = "请填写与往年相比的倍数。")]
        [Range(typeof(decimal), "1.5", "100", ErrorMessage = "与往年相比的倍数应在1.5至100之间。")]
        public decimal? JumpRatio { get; set; }

        public static InputModel From(ReviewSettings settings) => new()
        {
            CopyThresholdPercent = settings.CopyThresholdPercent,
            ShowCopyFigurePublicly = settings.ShowCopyFigurePublicly,
            AnomalyZ = settings.AnomalyZ,
            AnomalyFloor = settings.AnomalyFloor,
            JumpRatio = settings.JumpRatio,
        };
    }
}
