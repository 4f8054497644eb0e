using InnerAlly.E2E.Infrastructure;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.E2E;

/// <summary>The sign-in page at /account/login: fields labelled Email and Password and a submit button. Built on the accounts branch.</summary>
public sealed class SignInPageTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Signing_in_on_the_page_opens_the_pages_that_need_a_sign_in()
    {
        var context = await NewContextAsync();
        var person = await RegisterAsync(context);
        var page = await context.NewPageAsync();

        await SubmitSignInAsync(page, person.Email, person.Password);

        var response = await page.GotoAsync("/check-ins/new");
        Assert.EndsWith("/check-ins/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, response?.Status);
    }

    [Fact]
    public async Task A_wrong_password_on_the_page_does_not_sign_in()
    {
        var context = await NewContextAsync();
        var person = await RegisterAsync(context);
        var page = await context.NewPageAsync();

        await SubmitSignInAsync(page, person.Email, "not the password at all, sorry");

        await page.GotoAsync("/check-ins/new");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    private static async Task<Person> RegisterAsync(IBrowserContext context)
    {
        var person = new Person(InnerAllyFactory.NewEmail(), InnerAllyFactory.GoodPassword);
        var registered = await context.APIRequest.PostAsync("/api/v1/account/register", new() { DataObject = new { email = person.Email, password = person.Password } });
        Assert.True(registered.Ok, $"Registering through the API answered {registered.Status}.");
        return person;
    }

    private static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await GoAsync(page, "/account/login");
        var form = SignInForm(page);
        await EmailField(form).FillAsync(email);
        await PasswordField(form).FillAsync(password);
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await SubmitButton(form).ClickAsync();
        await posted;
        await WaitUntilLoadedAsync(page);
    }
}
