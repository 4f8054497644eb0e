namespace InnerAlly.Features.AllyCards;

/// <summary>Keeping kind words as a card: typed, or begun from a record's reply or a letter, to shorten to what helps most.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, ILogger<NewModel> logger, WritingFollowUp followUp) : WritingPageModel(db)
{
    [BindProperty]
    public KeepAllyCard.Request Input { get; set; } = new();

    /// <summary>Where the words came from, in a few words, when they came from somewhere.</summary>
    public string? Source { get; private set; }

    public string Draft => DraftKey("ally-card", Input.AllyRecordId ?? Input.LetterId);

    /// <param name="allyRecord">A record whose compassionate reply to begin from.</param>
    /// <param name="letter">A letter to begin from: its encouragement and close, or all of it.</param>
    public async Task<IActionResult> OnGetAsync(Guid? allyRecord, Guid? letter, CancellationToken cancellationToken)
    {
        if (allyRecord is { } recordId)
        {
            if (await Db.AllyRecords.FindOwnedAsync(recordId, UserId, cancellationToken) is not { } record)
            {
                return NotFound();
            }

            Input = new() { Text = string.Join("\n\n", record.Reply), AllyRecordId = record.Id };
        }
        else if (letter is { } letterId)
        {
            if (await Db.Letters.FindOwnedAsync(letterId, UserId, cancellationToken) is not { } found)
            {
                return NotFound();
            }

            var ending = WritingFollowUp.Join([found.Encouragement, found.Close]);
            Input = new() { Text = ending ?? found.Written.Whole, LetterId = found.Id };
        }

        await DescribeSourceAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            if ((await KeepAllyCard.HandleAsync(Input, UserId, Db, clock, logger, cancellationToken)).Saved is { } card)
            {
                return await AfterSavingAsync(KeepAllyCard.Words(card), Draft, "/ally-cards", followUp, cancellationToken);
            }

            // The record or letter it came from is gone (or was never this person's): keep the words, lose the link.
            Input.AllyRecordId = null;
            Input.LetterId = null;
            ModelState.AddModelError("Input.Text", "What these words came from is no longer there. They can still be kept as a card of their own: save again.");
        }

        await DescribeSourceAsync(cancellationToken);
        return Page();
    }

    private async Task DescribeSourceAsync(CancellationToken cancellationToken)
    {
        await LoadZoneAsync(cancellationToken);
        if (Input.AllyRecordId is { } recordId && await Db.AllyRecords.FindOwnedAsync(recordId, UserId, cancellationToken) is { } record)
        {
            Source = $"From your critic-to-ally record of {WhenShort(record.CreatedAt)}.";
        }
        else if (Input.LetterId is { } letterId && await Db.Letters.FindOwnedAsync(letterId, UserId, cancellationToken) is { } letter)
        {
            Source = $"From your letter of {WhenShort(letter.CreatedAt)}.";
        }
    }
}
