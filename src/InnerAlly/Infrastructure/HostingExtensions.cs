using System.Security.Cryptography.X509Certificates;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Analysis;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Letters;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Practices;
using InnerAlly.Features.Safety;
using InnerAlly.Features.Writing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InnerAlly.Infrastructure;

public static class HostingExtensions
{
    public const string ApiPolicy = "api";
    public const string CookieOrBearerScheme = "InnerAlly.CookieOrBearer";

    /// <summary>Pages sign in with the session cookie alone; a signed-out visit is sent to the sign-in page.</summary>
    public const string PagePolicy = "pages";

    /// <summary>
    /// A bearer token, or the session cookie of a page's own script. Endpoints under it must check
    /// the page's antiforgery token when the cookie is what signed the request in (see AnalysisEndpoints).
    /// </summary>
    public const string ApiOrPagePolicy = "api-or-page";

    public static WebApplicationBuilder AddInnerAlly(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddInnerAllyDatabase();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<DataProtectionKeyKeeper>();

        // One key ring for every instance, kept in the database beside the data it protects.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("InnerAlly")
            .PersistKeysToDbContext<AppDbContext>()
            .DisableAutomaticKeyGeneration();

        // Optional hardening: the key ring is stored encrypted to a certificate the operator keeps
        // outside the database (a PFX file), so a copy of the database alone opens nothing.
        if (builder.Configuration["DataProtection:KeyCertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["DataProtection:KeyCertificatePassword"], X509KeyStorageFlags.EphemeralKeySet));
        }

        AddAccounts(services, builder.Configuration);
        services.AddInnerAllyRateLimits();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemFieldNames.UseJsonNames);
        services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, CheckInJson.Default);
            // {"threat":1,"threat":9} is a mistake or a trick, never a choice for the server to make.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new PlainText.JsonConverter());
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Every page needs a sign-in unless it is named in PublicPages: a new page folder is private.
            o.Conventions.AuthorizeFolder("/", PagePolicy);
            foreach (var page in PublicPages.All)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }

            // One page writes a new item and changes an old one.
            o.Conventions.AddPageRoute("/Journal/Edit", "/journal/new");
            o.Conventions.AddPageRoute("/AllyRecords/Edit", "/ally-records/new");
            o.Conventions.AddPageRoute("/Letters/Edit", "/letters/new");
        }).AddMvcOptions(o => PlainText.ModelBinderProvider.AddTo(o.ModelBinderProviders));

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: ["ready"]);

        // X-Forwarded-For/-Proto from a reverse proxy are honoured when ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        // Data Protection's own start-up read of the key ring could run before migrations (it is
        // registered again by cookie and bearer authentication, hence last); DatabaseStartup loads the ring instead.
        foreach (var prefetch in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(prefetch);
        }

        return builder;
    }

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddPublicAddress(configuration);

        // Pages use the session cookie; the API and apps send a bearer token. Whichever a request
        // carries decides the scheme, so a signed-out page visit is sent to sign in while an API
        // call without a token gets 401.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearerScheme;
                o.DefaultChallengeScheme = CookieOrBearerScheme;
            })
            .AddPolicyScheme(CookieOrBearerScheme, null, o => o.ForwardDefaultSelector = context =>
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
        services.AddSingleton<Mailer>();
        // The course ships in Content/Lessons; a clinic's own folder (Learn:LessonsFolder) adds lessons or replaces ours by slug.
        services.AddSingleton(sp => new LessonCatalog(new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Content", "Lessons"),
            sp.GetRequiredService<IConfiguration>()["Learn:LessonsFolder"],
        }.OfType<string>()));
        services.AddHostedService<PracticeReminderService>();
        // Our questionnaires ship in Content/Instruments; a clinic's folder (Measures:InstrumentsFolder) adds its own.
        services.AddOptions<MeasuresOptions>().BindConfiguration(MeasuresOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new InstrumentCatalog(InstrumentCatalog.Folders(sp.GetRequiredService<IOptions<MeasuresOptions>>().Value)));
        services.AddSingleton<LanguageBudget>();
        services.AddSingleton<RiskCheck>();
        services.AddSingleton<SafetyFollowUp>();
        services.AddSingleton<WritingFollowUp>();
        services.AddHostedService<LanguageEngineWarmUp>();
        services.AddSingleton<SafetySupport>();
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
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(BearerSessionHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(PagePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(ApiOrPagePolicy, p => p.AddAuthenticationSchemes(BearerSessionHandler.SchemeName, IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
    }

    public static WebApplication UseInnerAlly(this WebApplication app)
    {
        var httpsConfigured = HttpsEndpoints.AreConfigured(app.Configuration);
        // The crisis lines and support words are read now: a broken file stops the app here, not when someone needs help.
        app.Services.GetRequiredService<SafetySupport>();
        // So are the questionnaire definitions: a wrong scoring rule stops the app before anyone is scored by it.
        app.Services.GetRequiredService<InstrumentCatalog>();
        _ = MeasureWords.Current;
        // So are the prompts and words of the writing pages.
        WritingContent.CheckAll();
        LetterVariations.CheckAll();

        app.UseSecurityHeaders();
        app.UseDatabaseReadiness();
        app.UseExceptionHandler("/error");
        if (httpsConfigured)
        {
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authorization, so a limit can belong to the signed-in person (bearer or cookie).
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        // Static files need no session: they skip authentication, so they are never made uncacheable by a cookie.
        app.MapStaticAssets().ShortCircuit();
        app.MapRazorPages().WithStaticAssets();

        app.MapAccountApi();
        app.MapCheckIns();
        app.MapPractices();
        app.MapLessons();
        app.MapAnalysis();
        app.MapSafetyPlan();
        app.MapMeasures();
        app.MapFhir();
        app.MapJournal();
        app.MapAllyRecords();
        app.MapLetters();
        app.MapAllyCards();
        return app;
    }

    /// <summary>True when the configured email settings turn on address confirmation.</summary>
    public static bool EmailConfigured(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<EmailOptions>>().Value.IsConfigured;
}
