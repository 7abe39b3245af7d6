using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Profile;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Pages.Me;

/// <summary>A candidate's structured profile as one plain form (blank rows are ignored), and "make a PDF resume from it".</summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class ProfileModel(IMediator mediator, IStringLocalizer<ErrorsResource> errors) : PageModel
{
    public const int EducationRows = 3;
    public const int ExperienceRows = 3;
    private static readonly char[] WordSeparators = ['、', ',', '，', ';', '；', ' ', '\u3000', '\n'];

    public sealed class EducationInput
    {
        public string? School { get; set; }
        public string? Major { get; set; }
        public string? Degree { get; set; }
        public int? FromYear { get; set; }
        public int? ToYear { get; set; }
        /// <summary>Nothing typed that makes an entry (an end year alone does not): dropped on save, folded away on the page.</summary>
        public bool IsBlank => string.IsNullOrWhiteSpace(School + Major + Degree) && FromYear is null;
    }

    public sealed class ExperienceInput
    {
        public string? Employer { get; set; }
        public string? Title { get; set; }
        public int? FromYear { get; set; }
        public int? ToYear { get; set; }
        public string? Description { get; set; }
        /// <summary>Nothing typed that makes an entry (an end year alone does not): dropped on save, folded away on the page.</summary>
        public bool IsBlank => string.IsNullOrWhiteSpace(Employer + Title + Description) && FromYear is null;
    }

    public sealed class InputModel
    {
        public string? FullName { get; set; }
        public string? Summary { get; set; }
        public string? Skills { get; set; }
        public string? WantedTitles { get; set; }
        public decimal? WantedPayMin { get; set; }
        public PayUnit WantedPayUnit { get; set; } = PayUnit.Month;
        public Availability Availability { get; set; } = Availability.FullTime;
        public DateOnly? AvailableFrom { get; set; }
        public List<SuitableGroups> Groups { get; set; } = [];
        public List<EducationInput> Education { get; set; } = [];
        public List<ExperienceInput> Experience { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    [TempData] public string? Problem { get; set; }
    [TempData] public Guid? MadeResumeId { get; set; }
    [TempData] public string? MadeResumeName { get; set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var profile = await mediator.Send(new GetProfile.Query(User.UserId()!.Value), ct);
        Saved = profile.UpdatedAt is not null;
        var content = profile.ToContent();
        Input = new InputModel
        {
            FullName = content.FullName, Summary = content.Summary, Skills = string.Join("、", content.Skills),
            WantedTitles = string.Join("、", content.WantedTitles), WantedPayMin = content.WantedPayMin, WantedPayUnit = content.WantedPayUnit,
            Availability = content.Availability, AvailableFrom = content.AvailableFrom,
            Groups = Enum.GetValues<SuitableGroups>().Where(g => g != 0 && content.Groups.HasFlag(g)).ToList(),
            Education = content.Education.Select(e => new EducationInput { School = e.School, Major = e.Major, Degree = e.Degree, FromYear = e.FromYear, ToYear = e.ToYear }).ToList(),
            Experience = content.Experience.Select(e => new ExperienceInput { Employer = e.Employer, Title = e.Title, FromYear = e.FromYear, ToYear = e.ToYear, Description = e.Description }).ToList(),
        };
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await mediator.Send(new SaveProfile.Command(User.UserId()!.Value, ToContent(Input)), ct);
        if (!saved.IsSuccess)
        {
            // Keep what was typed: the form comes back as it was sent, with the problem above it.
            ModelState.Clear();
            Problem = null;
            ViewData["Problem"] = errors.Describe(saved.Error!);
            Saved = false;
            Pad();
            return Page();
        }
        Notice = "saved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken ct)
    {
        var made = await mediator.Send(new MakeResumeFromProfile.Command(User.UserId()!.Value), ct);
        if (made.IsSuccess) (MadeResumeId, MadeResumeName) = (made.Value!.Id, made.Value.FileName);
        else Problem = errors.Describe(made.Error!);
        return RedirectToPage();
    }

    /// <summary>
    /// Which rows the page shows open: every one with something in it and the first blank one; the other blanks wait behind
    /// "add another" (a phone showed three empty jobs and three empty schools, a form of 3,800 px, to someone filling in one).
    /// </summary>
    public static (List<int> Open, List<int> Folded) Rows(IReadOnlyList<bool> blank)
    {
        var firstBlank = Enumerable.Range(0, blank.Count).FirstOrDefault(i => blank[i], -1);
        var open = Enumerable.Range(0, blank.Count).Where(i => !blank[i] || i == firstBlank).ToList();
        return (open, Enumerable.Range(0, blank.Count).Except(open).ToList());
    }

    private void Pad()
    {
        while (Input.Education.Count < EducationRows) Input.Education.Add(new EducationInput());
        while (Input.Experience.Count < ExperienceRows) Input.Experience.Add(new ExperienceInput());
    }

    /// <summary>Rows left wholly blank are dropped; a half-filled row goes through, so the entity can say what is missing.</summary>
    private static ProfileContent ToContent(InputModel i) => new(
        i.FullName ?? "", i.Summary ?? "",
        i.Education.Where(e => !e.IsBlank)
            .Select(e => new EducationEntry(e.School ?? "", e.Major ?? "", e.Degree ?? "", e.FromYear ?? 0, e.ToYear)).ToList(),
        i.Experience.Where(e => !e.IsBlank)
            .Select(e => new ExperienceEntry(e.Employer ?? "", e.Title ?? "", e.FromYear ?? 0, e.ToYear, e.Description ?? "")).ToList(),
        Split(i.Skills), Split(i.WantedTitles), i.WantedPayMin, i.WantedPayUnit, i.Availability, i.AvailableFrom,
        i.Groups.Aggregate(SuitableGroups.None, (all, g) => all | g));

    private static List<string> Split(string? words) => (words ?? "").Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
