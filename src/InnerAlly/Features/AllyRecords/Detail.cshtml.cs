using InnerAlly.Features.Analysis;

namespace InnerAlly.Features.AllyRecords;

/// <summary>A critic-to-ally record read back: the critic's words with what the engine noticed, and the compassionate reply, ready to keep as a card.</summary>
public sealed class DetailModel(AppDbContext db, RiskCheck engine) : WritingPageModel(db)
{
    public AllyRecord Record { get; private set; } = null!;

    public AnalysisView? Critic { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Db.AllyRecords.FindOwnedAsync(id, UserId, cancellationToken) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        Critic = record.CriticWords is { } words ? new AnalysisView(words, await engine.ReadIfBudgetAllowsAsync(words, User, cancellationToken)) : null;
        await LoadZoneAsync(cancellationToken);
        ReadSaved();
        return Page();
    }
}
