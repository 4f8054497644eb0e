using System.Security.Cryptography.X509Certificates;
using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Analysis;
using InnerAlly.Features.Calendar;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Clinics;
using InnerAlly.Features.Demo;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Letters;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Messages;
using InnerAlly.Features.Practices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

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

        services.AddEmail(builder.Configuration);
        services.AddInnerAllyRateLimits();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemFieldNames.UseJsonNames);
        services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
        services.ConfigureHttpJsonOptions(o =>
        {
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
        }).AddMvcOptions(o => PlainText.ModelBinderProvider.AddTo(o.ModelBinderProviders));

        // Each feature wires itself here (after Razor Pages, whose options a feature may add to), and maps its routes in UseInnerAlly.
        services.AddAccounts()
            .AddAnalysis()
            .AddSafety()
            .AddCheckIns()
            .AddPractices()
            .AddLearn()
            .AddMeasures()
            .AddWriting()
            .AddClinics()
            .AddCareTeam()
            .AddMessages()
            .AddDemo();

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: ["ready"]);

        // X-Forwarded-For/-Proto from a reverse proxy are honoured when ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        // Data Protection's own start-up read of the key ring could run before migrations (it is
        // registered again by cookie and bearer authentication, hence last); DatabaseStartup loads the ring instead.
        // The Data Protection assembly registers one hosted service, and that is the read.
        foreach (var prefetch in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(KeyManagementOptions).Assembly).ToList())
        {
            services.Remove(prefetch);
        }

        return builder;
    }

    public static WebApplication UseInnerAlly(this WebApplication app)
    {
        var httpsConfigured = HttpsEndpoints.AreConfigured(app.Configuration);
        // Every content file is read now: a broken one stops the app here, not when someone needs it.
        ContentChecks.RunAll(app.Services);

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
        app.MapPracticeRhythm();
        app.MapCalendar();
        app.MapLessons();
        app.MapAnalysis();
        app.MapSafetyPlan();
        app.MapMeasures();
        app.MapFhir();
        app.MapJournal();
        app.MapAllyRecords();
        app.MapLetters();
        app.MapAllyCards();
        app.MapClinics();
        app.MapCareTeamApi();
        app.MapMessages();
        return app;
    }

    /// <summary>True when the configured email settings turn on address confirmation.</summary>
    public static bool EmailConfigured(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<EmailOptions>>().Value.IsConfigured;
}
