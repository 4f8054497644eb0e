using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.Journal;

/// <summary>Writing a journal entry (/journal/new) or changing one (/journal/{id}/edit); the same use case and rules as the API.</summary>
public sealed class EditModel(AppDbContext db, WritingContent writing, TimeProvider clock, ILogger<EditModel> logger, WritingFollowUp followUp) : WritingPageModel(db)
{
    [BindProperty]
    public SaveJournalEntry.Request Input { get; set; } = new();

    /// <summary>Tags as typed, separated by commas.</summary>
    [BindProperty]
    public string? TagsText { get; set; }

    public Guid? Id { get; private set; }

    /// <summary>The prompt to suggest when the entry has none yet (it changes each day, or on request).</summary>
    public int Suggestion { get; private set; }

    /// <summary>The person's recent check-ins, to link the entry to one.</summary>
    public IReadOnlyList<(Guid Id, string Label)> CheckIns { get; private set; } = [];

    public string Draft => DraftKey("journal", Id);

    /// <param name="prompt">A prompt chosen from the list, by number.</param>
    /// <param name="suggest">Another prompt to suggest, by number.</param>
    /// <param name="checkIn">A check-in to link a new entry to.</param>
    public async Task<IActionResult> OnGetAsync(Guid? id, int? prompt, int? suggest, Guid? checkIn, CancellationToken cancellationToken)
    {
        Id = id;
        var prompts = writing.Journal.Prompts;
        if (id is { } existing)
        {
            if (await Db.JournalEntries.FindOwnedAsync(existing, UserId, cancellationToken) is not { } entry)
            {
                return NotFound();
            }

            Input = SaveJournalEntry.Request.From(entry);
            TagsText = string.Join(", ", entry.Tags);
        }
        else
        {
            Input.Prompt = prompt is >= 0 && prompt < prompts.Count ? prompts[prompt.Value] : null;
            Input.CheckInId = checkIn;
        }

        await LoadAsync(suggest, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Input.Tags = [.. JournalTags.FromText(TagsText)];
        if (JournalTags.Problem(JournalTags.FromText(TagsText)) is { } problem)
        {
            ModelState.AddModelError(nameof(TagsText), problem);
        }

        if (ModelState.IsValid)
        {
            var result = await SaveJournalEntry.HandleAsync(id, Input, UserId, Db, clock, logger, cancellationToken);
            if (result.Problems is null)
            {
                return result.Saved is { } entry
                    ? await AfterSavingAsync(SaveJournalEntry.Words(entry, writing), Draft, $"/journal/{entry.Id}", followUp, cancellationToken)
                    : NotFound();
            }

            ModelState.AddModelError("Input.CheckInId", SaveJournalEntry.UnknownCheckIn);
        }

        await LoadAsync(null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int? suggest, CancellationToken cancellationToken)
    {
        await LoadZoneAsync(cancellationToken);
        var prompts = writing.Journal.Prompts;
        Suggestion = suggest is >= 0 ? suggest.Value % prompts.Count
            : writing.Journal.SuggestedFor(DateOnly.FromDateTime(PersonalTime.ToLocal(clock.GetUtcNow().UtcDateTime, Zone)));
        var recent = await ListCheckIns.HandleAsync(new ListCheckIns.Query(null, null, 20, null), UserId, Db, cancellationToken);
        var choices = recent.Items.Select(c => (c.Id, Label(c))).ToList();
        if (Input.CheckInId is { } linked && choices.All(c => c.Id != linked)
            && await FindCheckIn.HandleAsync(linked, UserId, Db, cancellationToken) is { } older)
        {
            choices.Add((older.Id, Label(CheckInResponse.From(older))));
        }

        CheckIns = choices;
    }

    private string Label(CheckInResponse c) => $"{WhenShort(c.RecordedAt)}: threat {c.Threat}, drive {c.Drive}, soothe {c.Soothe}";
}
