using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>/care-team: the client's therapists, what each one sees (changed on the spot), stopping, and every look at their data.</summary>
public sealed class IndexModel(AppDbContext db, CareContent content, UserManager<User> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListCareTeam.Therapist> Therapists { get; private set; } = [];

    public IReadOnlyList<ListCareTeam.Look> Looks { get; private set; } = [];

    public IReadOnlyDictionary<string, SharingPreview.Line> Preview { get; private set; } = new Dictionary<string, SharingPreview.Line>();

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool IsStaff { get; private set; }

    [BindProperty]
    public Dictionary<string, string> Sharing { get; set; } = [];

    /// <summary>The relationship whose form was posted with a problem, and the problem.</summary>
    public (Guid Id, string Message)? SharingError { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostShareAsync(Guid id)
    {
        var choices = SharingForm.Read(Sharing);
        if (ChangeSharing.Problems(choices) is { Count: > 0 } problems)
        {
            await LoadAsync();
            SharingError = (id, problems.First().Value[0]);
            return Therapists.Any(t => t.Id == id) ? Page() : NotFound();
        }

        if (!await ChangeSharing.HandleAsync(User.GetUserId(), id, choices, db, clock, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Status = "Saved. From now on your therapist sees just what you chose.";
        return RedirectToPage();
    }

    /// <summary>From an entry's own page: keep it private from one therapist, share it alone, or let it follow its category again.</summary>
    public async Task<IActionResult> OnPostEntryAsync(Guid relationshipId, Guid entryId, string? choice, string? returnUrl)
    {
        if (!EntrySharing.IsChoice(choice))
        {
            return BadRequest();
        }

        var outcome = await EntrySharing.ChangeAsync(User.GetUserId(), relationshipId, entryId, choice!, db, clock, HttpContext.RequestAborted);
        if (outcome == EntrySharing.Outcome.NotFound)
        {
            return NotFound();
        }

        TempData[EntrySharingViewComponent.StatusKey] = outcome == EntrySharing.Outcome.DraftLetter ? EntrySharing.DraftLetter : choice switch
        {
            EntrySharing.Private => "Done. This one stays private, from now on.",
            EntrySharing.Share => "Done. This one is shared, from now on.",
            _ => "Done. This one follows what you share of its kind again.",
        };
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/care-team");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (!await EndCareRelationship.ByClientAsync(User.GetUserId(), id, db, clock, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Status = "You have stopped working together on InnerAlly. They no longer see anything of yours; everything you kept here stays yours.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The page needs a sign-in.");
        Zone = user.TimeZone;
        Therapists = await ListCareTeam.HandleAsync(user.Id, db, HttpContext.RequestAborted);
        Looks = await ListCareTeam.LooksAsync(user.Id, db, HttpContext.RequestAborted);
        Preview = Therapists.Count == 0 ? Preview : await SharingPreview.HandleAsync(user.Id, db, content, Zone, HttpContext.RequestAborted);
        IsStaff = (await db.MembershipsAsync(user.Id, HttpContext.RequestAborted)).Count > 0;
    }
}
