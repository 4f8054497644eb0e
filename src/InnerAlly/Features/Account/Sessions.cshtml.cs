namespace InnerAlly.Features.Account;

/// <summary>
/// /account/sessions: every browser and app where the person is signed in, and a way to end any
/// one of them (a phone left at a friend's, a shared computer) without signing out everywhere.
/// </summary>
public sealed partial class SessionsModel(UserManager<User> users, TokenFamilies families, AppDbContext db, ILogger<SessionsModel> logger) : PageModel
{
    public sealed record Row(string Id, string Name, string SignedInAt, bool IsThisOne, bool IsApp);

    public IReadOnlyList<Row> SignIns { get; private set; } = [];

    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var thisOne = await TokenFamilies.FamilyOfAsync(HttpContext);
        SignIns = [.. (await families.ListAsync(user, db, HttpContext.RequestAborted))
            .OrderByDescending(s => s.Id == thisOne)
            .Select(s => new Row(
                s.Id.ToString("N"),
                s.Device ?? (s.Kind == SignInKind.App ? "An app" : "A browser"),
                PersonalTime.Format(s.SignedInAt, user.TimeZone),
                s.Id == thisOne,
                s.Kind == SignInKind.App))];
        Status = TempData[IndexModel.StatusKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (Guid.TryParseExact(id, "N", out var family) && family != await TokenFamilies.FamilyOfAsync(HttpContext)
            && await families.EndAsync(user.Id, family, db, HttpContext.RequestAborted))
        {
            Log.Ended(logger, user.Id);
            TempData[IndexModel.StatusKey] = "That sign-in is ended. Whoever has that device will need your password to come back in.";
        }

        return RedirectToPage();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2095, Level = LogLevel.Information, Message = "{UserId} ended one of their sign-ins")]
        public static partial void Ended(ILogger logger, Guid userId);
    }
}
