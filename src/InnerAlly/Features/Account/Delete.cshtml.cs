using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>/account/delete: the password, then the account and everything in it, then signed out.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class DeleteAccountModel(
    UserManager<User> users, SignInManager<User> signIn, AppDbContext db, TimeProvider clock, SignInThrottle throttle, ILogger<DeleteAccountModel> logger)
    : PasswordAgainPageModel(users, throttle)
{
    protected override string PasswordRequired => DeleteAccount.PasswordRequired;

    protected override string WrongPassword => DeleteAccount.WrongPassword;

    /// <summary>The clinics this person is the only admin of while others work there; the page says so and keeps the account.</summary>
    public IReadOnlyList<string> OnlyAdminOf { get; private set; } = [];

    /// <summary>
    /// Whether the person has worked with a therapist here (a care relationship, active or ended): the
    /// page then says that a clinic's own session notes stay with the clinic. Asked of relationships,
    /// not of notes, so the page never tells a client whether notes about them exist.
    /// </summary>
    public bool WorkedWithAClinic { get; private set; }

    public override async Task OnGetAsync()
    {
        OnlyAdminOf = await DeleteAccount.OnlyAdminOfAsync(User.GetUserId(), db, HttpContext.RequestAborted);
        WorkedWithAClinic = await DeleteAccount.WorkedWithAClinicAsync(User.GetUserId(), db, HttpContext.RequestAborted);
    }

    protected override async Task<IActionResult> ConfirmedAsync(User user, UserManager<User> users)
    {
        OnlyAdminOf = await DeleteAccount.OnlyAdminOfAsync(user.Id, db, HttpContext.RequestAborted);
        WorkedWithAClinic = await DeleteAccount.WorkedWithAClinicAsync(user.Id, db, HttpContext.RequestAborted);
        if (OnlyAdminOf.Count > 0)
        {
            ModelState.AddModelError("Input.Password", DeleteAccount.OnlyAdminMessage(OnlyAdminOf));
            return Page();
        }

        await DeleteAccount.EraseAsync(user, users, db, clock, logger, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return RedirectToPage("Deleted");
    }
}
