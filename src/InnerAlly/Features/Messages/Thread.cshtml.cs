using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.Messages;

/// <summary>/messages/{id}: one thread between a client and their therapist, for either of them.</summary>
public sealed class ThreadModel(AppDbContext db, CareAccess access, MessageMail mail, SafetyFollowUp safety, UserManager<User> users, TimeProvider clock, ILogger<ThreadModel> logger) : PageModel
{
    public ShowThread.View View { get; private set; } = null!;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [BindProperty]
    public string? Text { get; set; }

    public string? TextError { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await FindThread.HandleAsync(User.GetUserId(), id, db, access, HttpContext.RequestAborted) is not { } thread)
        {
            return NotFound();
        }

        TextError = string.IsNullOrWhiteSpace(Text) ? SendMessage.TextNeeded : Text.Length > Message.TextMaxLength ? SendMessage.TooLong : null;
        if (TextError is null)
        {
            var result = await SendMessage.HandleAsync(thread, new SendMessage.Request { Text = Text }, User.GetUserId(), db, mail, safety, HttpContext, clock, logger, HttpContext.RequestAborted);
            switch (result.Outcome)
            {
                case SendMessage.Outcome.Sent:
                    SafetyFollowUp.Carry(result.Safety, TempData);
                    Status = "Sent.";
                    return Redirect($"/messages/{id}#latest");
                case SendMessage.Outcome.TooMany:
                    TextError = SendMessage.TooMany;
                    break;
                default:
                    TextError = SendMessage.Closed;
                    break;
            }
        }

        // Whatever was typed stays in the box beside the message.
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid messageId)
    {
        if (await FindThread.HandleAsync(User.GetUserId(), id, db, access, HttpContext.RequestAborted) is not { } thread)
        {
            return NotFound();
        }

        var outcome = await WithdrawMessage.HandleAsync(thread, messageId, db, clock, HttpContext.RequestAborted);
        if (outcome == WithdrawMessage.Outcome.NotFound)
        {
            return NotFound();
        }

        Status = outcome == WithdrawMessage.Outcome.Withdrawn ? "Withdrawn. Its words are gone from the conversation." : WithdrawMessage.TooLate;
        return Redirect($"/messages/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await FindThread.HandleAsync(User.GetUserId(), id, db, access, HttpContext.RequestAborted) is not { } thread)
        {
            return false;
        }

        Zone = (await users.GetUserAsync(User))?.TimeZone ?? TimeZoneInfo.Utc;
        View = await ShowThread.HandleAsync(thread, db, clock, HttpContext.RequestAborted);
        return true;
    }
}
