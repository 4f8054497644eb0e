using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InnerAlly.Features.Account;

public static class AccountsFeature
{
    /// <summary>
    /// Identity, the two ways in (the session cookie for pages, a bearer token for the API and
    /// apps), the sign-in list, the throttle, passkeys and the policies every endpoint names.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        // Pages use the session cookie; the API and apps send a bearer token. Whichever a request
        // carries decides the scheme, so a signed-out page visit is sent to sign in while an API
        // call without a token gets 401.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = HostingExtensions.CookieOrBearerScheme;
                o.DefaultChallengeScheme = HostingExtensions.CookieOrBearerScheme;
            })
            .AddPolicyScheme(HostingExtensions.CookieOrBearerScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerSessionHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerSessionHandler>(BearerSessionHandler.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();

        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = PasswordStrengthValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // No account lockout: SignInThrottle slows the guesser, not the account's owner.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.Tokens.AuthenticatorTokenProvider = OnceOnlyAuthenticatorCodes.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<ProtectedUserStore>()
            .AddPasswordValidator<PasswordStrengthValidator>()
            .AddErrorDescriber<AccountErrors>()
            .AddApiEndpoints()
            .AddTokenProvider<OnceOnlyAuthenticatorCodes>(OnceOnlyAuthenticatorCodes.ProviderName);

        // Confirmation is asked for only when there is a way to send the email.
        services.AddOptions<IdentityOptions>().Configure<IOptions<EmailOptions>>((o, email) =>
        {
            o.SignIn.RequireConfirmedAccount = email.Value.IsConfigured;
            o.SignIn.RequireConfirmedEmail = email.Value.IsConfigured;
        });
        services.AddTransient<MailKitEmailSender>();
        services.AddTransient<IEmailSender<User>>(sp => sp.GetRequiredService<MailKitEmailSender>());
        services.AddPasskeySettings();

        services.AddSingleton<SessionCookieEvents>();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<BearerTickets>();
        services.AddSingleton<TokenFamilies>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<RecentConfirmation>();
        services.AddScoped<SignInThrottle>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "InnerAlly.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = SessionCookieEvents.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.EventsType = typeof(SessionCookieEvents);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "InnerAlly.TwoFactor";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "InnerAlly.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(HostingExtensions.ApiPolicy, p => p.AddAuthenticationSchemes(BearerSessionHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(HostingExtensions.PagePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(HostingExtensions.ApiOrPagePolicy, p => p.AddAuthenticationSchemes(BearerSessionHandler.SchemeName, IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());

        return services;
    }
}
