namespace InnerAlly.Features.Account;

/// <summary>
/// The person's password once more, before something that changes how they sign in or cannot be
/// undone. A wrong password counts against the person's one limit, like every other password check.
/// </summary>
public static class PasswordAgain
{
    public enum Outcome
    {
        Passed,
        NoPassword,
        WrongPassword,
        MustWait,
    }

    /// <summary>What the check found; <see cref="Wait"/> is set when too many wrong passwords came first.</summary>
    public readonly record struct Check(Outcome Outcome, TimeSpan? Wait = null)
    {
        public bool Passed => Outcome == Outcome.Passed;

        /// <summary>The words beside the password field, in the page's own words for an empty or wrong one; null when it passed.</summary>
        public string? MessageFor(string required, string wrong) => Outcome switch
        {
            Outcome.NoPassword => required,
            Outcome.WrongPassword => wrong,
            Outcome.MustWait => SignInThrottle.WaitMessage(Wait.GetValueOrDefault()),
            _ => null,
        };
    }

    public static async Task<Check> CheckAsync(User user, string? password, UserManager<User> users, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            return new(Outcome.NoPassword);
        }

        var check = await throttle.CheckPersonAsync(user.Id, () => users.CheckPasswordAsync(user, password), cancellationToken);
        return check.Wait is { } wait ? new(Outcome.MustWait, wait)
            : check.Passed ? new(Outcome.Passed)
            : new(Outcome.WrongPassword);
    }
}

/// <summary>A page that asks for the password again, then does one thing: the field, its messages and the check.</summary>
public abstract class PasswordAgainPageModel(UserManager<User> users, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Password { get; set; }
    }

    /// <summary>Beside an empty field.</summary>
    protected abstract string PasswordRequired { get; }

    /// <summary>Beside a password that is not the person's, saying that nothing changed.</summary>
    protected abstract string WrongPassword { get; }

    public virtual Task OnGetAsync() => Task.CompletedTask;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var check = await PasswordAgain.CheckAsync(user, Input.Password, users, throttle, HttpContext.RequestAborted);
        if (check.MessageFor(PasswordRequired, WrongPassword) is { } message)
        {
            ModelState.AddModelError("Input.Password", message);
            return Page();
        }

        return await ConfirmedAsync(user, users);
    }

    /// <summary>What the page does once the password was the person's own.</summary>
    protected abstract Task<IActionResult> ConfirmedAsync(User user, UserManager<User> users);
}
