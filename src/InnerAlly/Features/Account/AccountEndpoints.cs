using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using InnerAlly.Data;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace InnerAlly.Features.Account;

/// <summary>
/// The account API apps use, in the routes and JSON shapes of ASP.NET Core Identity's
/// MapIdentityApi (register, login, refresh, confirmEmail, resendConfirmationEmail,
/// forgotPassword, resetPassword, manage/2fa, manage/info), written here so that: links in
/// email come from App:PublicUrl; an unknown address costs the same hash work and gets the
/// same answer as a known one; guessing is slowed per address, network, device and person
/// (<see cref="SignInThrottle"/>) rather than by locking the account; refresh tokens rotate
/// (<see cref="TokenFamilies"/>); bad input is a 400 naming the field; and manage/* takes
/// bearer tokens only.
/// </summary>
internal static class AccountEndpoints
{
    public const string ConfirmEmailEndpoint = "ConfirmEmail";

    private static readonly EmailAddressAttribute EmailFormat = new();

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/register", RegisterAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("Register", "Make an account with {email, password}. With email on, the answer is the same whether or not the address already has an account; its owner is told by email.");
        group.MapPost("/login", LoginAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("Login", "Sign in with {email, password} and, when two-step sign-in is on, twoFactorCode or twoFactorRecoveryCode. ?useCookies=true signs in with a cookie instead of a bearer token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", RefreshAsync)
            .Describe("Refresh", "A new access and refresh token for {refreshToken}. Each refresh token works once; using one again ends that sign-in and every token from it.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/confirmEmail", ConfirmEmailAsync)
            .WithName(ConfirmEmailEndpoint)
            .WithSummary("Confirms an address from the link in the email: ?userId=…&code=…[&changedEmail=…].");
        group.MapPost("/resendConfirmationEmail", ResendConfirmationAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("ResendConfirmationEmail", "Sends the confirmation link again. Answers the same whether or not the address has an account.");
        group.MapPost("/forgotPassword", ForgotPasswordAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("ForgotPassword", "Emails a reset code to a confirmed address. Answers the same whether or not the address has an account.");
        group.MapPost("/resetPassword", ResetPasswordAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("ResetPassword", "Sets a new password with {email, resetCode, newPassword}.");

        var manage = group.MapGroup("/manage").RequireAuthorization(HostingExtensions.ApiPolicy);
        manage.MapPost("/2fa", TwoFactorAsync)
            .Describe("ManageTwoFactor", "Two-step sign-in: {enable, twoFactorCode, resetSharedKey, resetRecoveryCodes, forgetMachine}. Every change (enable, resetSharedKey, resetRecoveryCodes) also needs the account's password.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        manage.MapGet("/info", InfoAsync)
            .Describe("AccountInfo", "The account's email address and whether it is confirmed.");
        manage.MapPost("/info", ChangeInfoAsync)
            .Describe("ChangeAccountInfo", "Change the password ({oldPassword, newPassword}) or the email address ({newEmail, oldPassword}, confirmed by email).")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<Ok, ValidationProblem>> RegisterAsync(
        [FromBody] RegisterRequest registration, UserManager<User> users, MailKitEmailSender sender, Mailer mailer, PublicLinks links)
    {
        var address = registration.Email.Trim();
        if (!EmailFormat.IsValid(address))
        {
            return Problem(IdentityResult.Failed(users.ErrorDescriber.InvalidEmail(address)));
        }

        var user = new User { UserName = address, Email = address };
        var result = await users.CreateAsync(user, registration.Password);
        if (!result.Succeeded)
        {
            // With email on, an address that already has an account answers like a new one, and
            // its owner hears about the try; with email off there is no one to tell, and signing
            // in would show it anyway, so the duplicate is said plainly.
            if (mailer.IsConfigured && result.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                && await users.FindByEmailAsync(address) is { } existing)
            {
                await sender.SendAlreadyRegisteredAsync(existing, links);
                return TypedResults.Ok();
            }

            return Problem(result);
        }

        if (mailer.IsConfigured)
        {
            await SendConfirmationAsync(user, user.Email, users, sender, links, isChange: false);
        }

        return TypedResults.Ok();
    }

    private static async Task<IResult> LoginAsync(
        [FromBody] LoginRequest login, [FromQuery] bool? useCookies, [FromQuery] bool? useSessionCookies, HttpContext http,
        UserManager<User> users, SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation, TokenFamilies families, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var attempt = await PasswordAttempt.BeginAsync(login.Email, login.Password, http, users, throttle, devices, cancellationToken);
        if (attempt.Wait is { } wait)
        {
            return TooMany(http, wait);
        }

        if (attempt.User is not { } user || !await users.CheckPasswordAsync(user, login.Password))
        {
            if (attempt.User is not null)
            {
                await attempt.FailedAsync(cancellationToken);
            }

            return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.Failed);
        }

        await attempt.SucceededAsync(cancellationToken);
        if (!await signIn.CanSignInAsync(user))
        {
            return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.NotAllowed);
        }

        var method = "pwd";
        if (await signIn.IsTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrEmpty(login.TwoFactorCode) && string.IsNullOrEmpty(login.TwoFactorRecoveryCode))
            {
                return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.TwoFactorRequired);
            }

            var second = await TwoFactorCodes.CheckAsync(user, login.TwoFactorCode, login.TwoFactorRecoveryCode, users, throttle, cancellationToken);
            if (second.Wait is { } codeWait)
            {
                return TooMany(http, codeWait);
            }

            if (!second.Passed)
            {
                return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.Failed);
            }

            method = "mfa";
        }

        devices.Remember(http, user);
        if (useCookies == true || useSessionCookies == true)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: useCookies == true && useSessionCookies != true, [new Claim("amr", method)]);
            confirmation.Remember(http, user);
            return TypedResults.Empty;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", method));
        return TypedResults.SignIn(await families.StartAsync(principal, user.Id, DeviceNames.Of(http), db, cancellationToken), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> RefreshAsync(
        [FromBody] RefreshRequest request, SignInManager<User> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock,
        TokenFamilies families, AppDbContext db, CancellationToken cancellationToken)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var fresh = await signIn.CreateUserPrincipalAsync(user);
        foreach (var method in ticket.Principal.FindAll("amr"))
        {
            ((ClaimsIdentity)fresh.Identity!).AddClaim(new Claim("amr", method.Value));
        }

        return await families.RotateAsync(ticket.Principal, fresh, user.Id, db, cancellationToken) is { } rotated
            ? TypedResults.SignIn(rotated, authenticationScheme: IdentityConstants.BearerScheme)
            : TypedResults.Unauthorized();
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, UnauthorizedHttpResult>> ConfirmEmailAsync(
        [FromQuery] string? userId, [FromQuery] string? code, [FromQuery] string? changedEmail, UserManager<User> users)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(userId, out var id))
        {
            errors["userId"] = ["userId is the account id from the link, like 0f8fad5b-d9cb-469f-a165-70867728950e."];
        }

        var token = Decode(code);
        if (token is null)
        {
            errors["code"] = ["code is the code from the link; this one is missing or damaged. Ask for a new link."];
        }

        if (changedEmail is not null && !EmailFormat.IsValid(changedEmail))
        {
            errors["changedEmail"] = [users.ErrorDescriber.InvalidEmail(changedEmail).Description];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            // The same answer as a wrong code: an id says nothing about who has an account.
            return TypedResults.Unauthorized();
        }

        var result = changedEmail is null
            ? await users.ConfirmEmailAsync(user, token!)
            : await ChangeEmailAsync(user, changedEmail, token!, users);
        return result.Succeeded ? TypedResults.Text("Thank you for confirming your email.") : TypedResults.Unauthorized();
    }

    private static async Task<IdentityResult> ChangeEmailAsync(User user, string email, string token, UserManager<User> users)
    {
        var result = await users.ChangeEmailAsync(user, email, token);
        // The user name is the email address, so both change together.
        return result.Succeeded ? await users.SetUserNameAsync(user, email) : result;
    }

    private static async Task<Ok> ResendConfirmationAsync(
        [FromBody] ResendConfirmationEmailRequest request, UserManager<User> users, MailKitEmailSender sender, Mailer mailer, PublicLinks links)
    {
        if (mailer.IsConfigured && await users.FindByEmailAsync(request.Email.Trim()) is { EmailConfirmed: false } user)
        {
            await SendConfirmationAsync(user, user.Email!, users, sender, links, isChange: false);
        }

        return TypedResults.Ok();
    }

    private static async Task<Ok> ForgotPasswordAsync([FromBody] ForgotPasswordRequest request, UserManager<User> users, MailKitEmailSender sender)
    {
        // Unconfirmed addresses get nothing: the person there may not be the one who signed up.
        if (await users.FindByEmailAsync(request.Email.Trim()) is { EmailConfirmed: true } user)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            await sender.SendPasswordResetCodeAsync(user, user.Email!, HtmlEncoder.Default.Encode(code));
        }

        return TypedResults.Ok();
    }

    private static async Task<Results<Ok, ValidationProblem>> ResetPasswordAsync(
        [FromBody] ResetPasswordRequest request, UserManager<User> users, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || !user.EmailConfirmed)
        {
            // The same answer as a wrong code, so it says nothing about the address.
            return Problem(IdentityResult.Failed(users.ErrorDescriber.InvalidToken()));
        }

        var result = Decode(request.ResetCode) is { } token
            ? await users.ResetPasswordAsync(user, token, request.NewPassword)
            : IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        if (!result.Succeeded)
        {
            return Problem(result);
        }

        // Whoever reads the address's email is its owner: tries from new devices may go ahead again.
        await throttle.ClearAsync([ThrottleKey.Address(user.Email!)], cancellationToken);
        return TypedResults.Ok();
    }

    private static async Task<IResult> TwoFactorAsync(
        [FromBody] AccountApi.ManageTwoFactorRequest request, ClaimsPrincipal principal, HttpContext http, SignInManager<User> signIn, SignInThrottle throttle,
        CancellationToken cancellationToken)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (request.Enable == true && request.ResetSharedKey)
        {
            return FieldProblem("resetSharedKey", "A new key turns two-step sign-in off until a code from it is checked, so it cannot be asked for together with enable.");
        }

        if (request.Enable == true && string.IsNullOrEmpty(request.TwoFactorCode))
        {
            return FieldProblem("twoFactorCode", "Send the 6-digit code your authenticator app shows, so we know it is set up.");
        }

        // A token alone (a lost phone, a copied token) may read these settings, never change them.
        // The password and, to turn it on, the code are one try against the person's one limit.
        if ((request.Enable is not null || request.ResetSharedKey || request.ResetRecoveryCodes)
            && await PasswordProblemAsync(user, request.Password, "password", "change two-step sign-in", http, users, throttle, cancellationToken,
                alsoCheck: request.Enable != true ? null : async () => await TwoFactorCodes.VerifyAsync(user, request.TwoFactorCode, null, users)
                    ? null
                    : FieldProblem("twoFactorCode", "That code did not work. Codes change every 30 seconds, so please try the one showing now.")) is { } problem)
        {
            return problem;
        }

        if (request.Enable == true)
        {
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        else if (request.Enable == false || request.ResetSharedKey)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
        }

        if (request.ResetSharedKey)
        {
            await users.ResetAuthenticatorKeyAsync(user);
        }

        string[]? recoveryCodes = null;
        if (request.ResetRecoveryCodes || (request.Enable == true && await users.CountRecoveryCodesAsync(user) == 0))
        {
            recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
        }

        if (request.ForgetMachine)
        {
            await signIn.ForgetTwoFactorClientAsync();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("The authenticator key was not made.");
        }

        return TypedResults.Ok(new TwoFactorResponse
        {
            SharedKey = key,
            RecoveryCodes = recoveryCodes,
            RecoveryCodesLeft = recoveryCodes?.Length ?? await users.CountRecoveryCodesAsync(user),
            IsTwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user),
            IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user),
        });
    }

    private static async Task<Results<Ok<InfoResponse>, NotFound>> InfoAsync(ClaimsPrincipal principal, UserManager<User> users) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(InfoOf(user)) : TypedResults.NotFound();

    private static async Task<IResult> ChangeInfoAsync(
        [FromBody] InfoRequest request, ClaimsPrincipal principal, HttpContext http, UserManager<User> users, SignInThrottle throttle,
        MailKitEmailSender sender, PublicLinks links, Mailer mailer, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (!string.IsNullOrEmpty(request.NewEmail) && !EmailFormat.IsValid(request.NewEmail))
        {
            return Problem(IdentityResult.Failed(users.ErrorDescriber.InvalidEmail(request.NewEmail)));
        }

        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            if (string.IsNullOrEmpty(request.OldPassword))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["oldPassword"] = ["Send your current password as oldPassword to choose a new one. If you have forgotten it, use forgotPassword."],
                });
            }

            var changed = IdentityResult.Success;
            var check = await throttle.CheckPersonAsync(user.Id, async () =>
            {
                changed = await users.ChangePasswordAsync(user, request.OldPassword, request.NewPassword);
                return !changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            }, cancellationToken);
            if (check.Wait is { } wait)
            {
                return TooMany(http, wait);
            }

            if (!changed.Succeeded)
            {
                return Problem(changed);
            }
        }
        else if (!string.IsNullOrEmpty(request.NewEmail)
            && await PasswordProblemAsync(user, request.OldPassword, "oldPassword", "change the email address", http, users, throttle, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (!string.IsNullOrEmpty(request.NewEmail) && mailer.IsConfigured && !string.Equals(user.Email, request.NewEmail, StringComparison.OrdinalIgnoreCase))
        {
            await SendConfirmationAsync(user, request.NewEmail, users, sender, links, isChange: true);
        }

        return TypedResults.Ok(InfoOf(user));
    }

    private static InfoResponse InfoOf(User user) => new() { Email = user.Email!, IsEmailConfirmed = user.EmailConfirmed };

    /// <summary>The link points at this API's confirmEmail, under the public address.</summary>
    private static async Task SendConfirmationAsync(User user, string email, UserManager<User> users, MailKitEmailSender sender, PublicLinks links, bool isChange)
    {
        var token = isChange ? await users.GenerateChangeEmailTokenAsync(user, email) : await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = isChange
            ? links.Endpoint(ConfirmEmailEndpoint, new { userId = user.Id, code, changedEmail = email })
            : links.Endpoint(ConfirmEmailEndpoint, new { userId = user.Id, code });
        await sender.SendConfirmationLinkAsync(user, email, HtmlEncoder.Default.Encode(link.AbsoluteUri));
    }

    internal static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Null when <paramref name="password"/> is the person's own (and <paramref name="alsoCheck"/>,
    /// checked in the same try, finds nothing wrong); otherwise the answer to give: 400 naming the
    /// field, or 429 while they must wait. The try counts against the person's one limit.
    /// </summary>
    private static async Task<IResult?> PasswordProblemAsync(
        User user, string? password, string field, string toDo, HttpContext http, UserManager<User> users, SignInThrottle throttle, CancellationToken cancellationToken,
        Func<Task<IResult?>>? alsoCheck = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            return FieldProblem(field, $"Send the account's password as {field} to {toDo}. Nothing has changed.");
        }

        IResult? problem = null;
        var check = await throttle.CheckPersonAsync(user.Id, async () =>
        {
            problem = !await users.CheckPasswordAsync(user, password)
                ? FieldProblem(field, $"That is not the account's password, so we did not {toDo}. Nothing has changed.")
                : alsoCheck is null ? null : await alsoCheck();
            return problem is null;
        }, cancellationToken);
        return check.Wait is { } wait ? TooMany(http, wait) : problem;
    }

    private static ValidationProblem FieldProblem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Identity's shape: 401 with the outcome ("Failed", "NotAllowed", "RequiresTwoFactor") as the detail.</summary>
    private static ProblemHttpResult NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult result) =>
        TypedResults.Problem(result.ToString(), statusCode: StatusCodes.Status401Unauthorized);

    internal static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: SignInThrottle.WaitMessage(wait),
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    /// <summary>Identity's shape: each error under its code.</summary>
    private static ValidationProblem Problem(IdentityResult result) =>
        TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}

/// <summary>Checks a two-step code or a recovery code against the person's own limit.</summary>
public static class TwoFactorCodes
{
    public static Task<SignInThrottle.PersonCheck> CheckAsync(
        User user, string? code, string? recoveryCode, UserManager<User> users, SignInThrottle throttle, CancellationToken cancellationToken) =>
        throttle.CheckPersonAsync(user.Id, () => VerifyAsync(user, code, recoveryCode, users), cancellationToken);

    /// <summary>The check alone, for a caller that counts it itself as part of a larger try.</summary>
    public static async Task<bool> VerifyAsync(User user, string? code, string? recoveryCode, UserManager<User> users) =>
        !string.IsNullOrEmpty(code)
            ? LoginWith2faModel.SixDigits(code) is { } digits
                && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : !string.IsNullOrEmpty(recoveryCode)
                && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).Succeeded;
}
