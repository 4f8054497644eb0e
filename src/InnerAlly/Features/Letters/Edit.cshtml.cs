namespace InnerAlly.Features.Letters;

/// <summary>
/// Writing a compassionate letter (/letters/new) or going on with one (/letters/{id}/edit): kept as a
/// draft, or finished. A new letter starts with the choice of its kind (/letters/new), then its
/// parts with that kind's prompts (/letters/new?variation=to-the-critic).
/// </summary>
public sealed class EditModel(AppDbContext db, LetterVariations variations, TimeProvider clock, ILogger<EditModel> logger, WritingFollowUp followUp) : WritingPageModel(db)
{
    [BindProperty]
    public SaveLetter.Request Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public bool WasDone { get; private set; }

    /// <summary>A new letter whose kind is not chosen yet: the page asks for it first.</summary>
    public bool Choosing { get; private set; }

    /// <summary>The kind of letter whose prompts the page shows.</summary>
    public LetterVariations.Variation Variation => variations.Of(Input.Variation);

    /// <summary>A new letter's copy in this browser is kept apart for each kind, so one kind's words never fill another's parts.</summary>
    public string Draft => DraftKey(Id is null && !Variation.IsDefault ? "letter-" + Variation.Id : "letter", Id);

    public async Task<IActionResult> OnGetAsync(Guid? id, string? variation, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            Choosing = variations.Find(variation) is null;
            if (variation is not null && Choosing)
            {
                ModelState.AddModelError("variation", variations.Content.Choose.Unknown);
            }

            Input.Variation = Choosing ? LetterVariations.Default : variation;
        }
        else if (id is { } existing)
        {
            if (await Db.Letters.FindOwnedAsync(existing, UserId, cancellationToken) is not { } letter)
            {
                return NotFound();
            }

            Input = SaveLetter.Request.From(letter);
            WasDone = letter.IsDone;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveLetter.HandleAsync(id, Input, UserId, Db, variations, clock, logger, cancellationToken) is { } letter
            ? await AfterSavingAsync(SaveLetter.Words(letter), Draft, $"/letters/{letter.Id}", followUp, cancellationToken)
            : NotFound();
    }

    public string? PartOf(string field) => field switch
    {
        "acknowledge" => Input.Parts?.Acknowledge,
        "understand" => Input.Parts?.Understand,
        "commonHumanity" => Input.Parts?.CommonHumanity,
        "noBlame" => Input.Parts?.NoBlame,
        "whatWouldHelp" => Input.Parts?.WhatWouldHelp,
        "encouragement" => Input.Parts?.Encouragement,
        "close" => Input.Parts?.Close,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
