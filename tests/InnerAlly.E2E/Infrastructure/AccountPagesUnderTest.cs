namespace InnerAlly.E2E.Infrastructure;

/// <summary>The account pages: signing in, registering, and the sign-ins list.</summary>
public abstract partial class BrowserTest
{
    /// <summary>The sign-in form: the one in main with a password field (other forms, such as a passkey's, may sit beside it).</summary>
    protected static ILocator SignInForm(IPage page) => page.Locator("main form:has(input[type=password])");

    /// <summary>Labelled "Email" or, say, "Email address".</summary>
    protected static ILocator EmailField(ILocator form) => form.GetByLabel("Email");

    /// <summary>Labelled exactly "Password", so a "Show password" toggle is not mistaken for it.</summary>
    protected static ILocator PasswordField(ILocator form) => form.GetByLabel("Password", new() { Exact = true });

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSignInAsync(IPage page)
    {
        var response = await GoAsync(page, "/account/login");
        var form = SignInForm(page);
        return (response,
        [
            ("the Email field", EmailField(form)),
            ("the Password field", PasswordField(form)),
            ("the submit button", SubmitButton(form)),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenRegisterAsync(IPage page)
    {
        var response = await GoAsync(page, "/account/register");
        return (response, [("the submit button", SubmitButton(page.Locator("main form")))]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSessionsAsync(IBrowserContext context, IPage page)
    {
        await ApiTokenAsync(context, await SignUpAndSignInAsync(context)); // an app signed in too
        var response = await GoAsync(page, "/account/sessions");
        return (response, [("the 'End this sign-in' button", page.GetByRole(AriaRole.Button, new() { Name = "End this sign-in" }).First)]);
    }
}
