using InnerAlly.Features.Analysis;
using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.Journal;

/// <summary>One journal entry as written, with its check-in, and a gentle offer to answer the critic if the entry sounds self-critical.</summary>
public sealed class DetailModel(AppDbContext db, RiskCheck engine) : WritingPageModel(db)
{
    public JournalEntry Entry { get; private set; } = null!;

    public CheckIn? CheckIn { get; private set; }

    /// <summary>Whether the language engine heard the inner critic in the entry.</summary>
    public bool SoundsSelfCritical { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Db.JournalEntries.FindOwnedAsync(id, UserId, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        CheckIn = entry.CheckInId is { } checkInId ? await FindCheckIn.HandleAsync(checkInId, UserId, Db, cancellationToken) : null;
        SoundsSelfCritical = (await engine.ReadIfBudgetAllowsAsync(entry.Text, User, cancellationToken))?.SelfCriticism.Present == true;
        await LoadZoneAsync(cancellationToken);
        ReadSaved();
        return Page();
    }
}
