using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Clinics;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>The care team's pages: a clinic whose therapist has clients, made through the API people and apps use.</summary>
public abstract partial class BrowserTest
{
    /// <summary>A therapist signed in with a bearer token, in a clinic where they are also its admin.</summary>
    protected sealed record Therapist(Person Person, string Token, string Slug);

    protected sealed record Client(Person Person, string Token, Guid RelationshipId, Guid JournalId);

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = $"Bearer {token}" };

    private static async Task<JsonElement> PostJsonAsync(IBrowserContext context, string path, string token, object body)
    {
        var response = await context.APIRequest.PostAsync(path, new() { DataObject = body, Headers = Bearer(token) });
        await ExpectOkAsync(response);
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>Makes <paramref name="person"/> the first admin of a new clinic (through the create-clinic verb's handler) and one of its therapists.</summary>
    protected async Task<Therapist> TherapistAsync(IBrowserContext context, Person person, string name = "Dr Sam Rivera")
    {
        CreateClinic.Result created;
        await using (var scope = BrowserApp.App.Services.CreateAsyncScope())
        {
            created = await CreateClinic.HandleAsync(
                new CreateClinic.Request($"Harbour {Guid.NewGuid():N}"[..20], person.Email, Slug: null, "Europe/London"),
                scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<StaffInvitationMail>(), TimeProvider.System, CancellationToken.None);
        }

        var token = await ApiTokenAsync(context, person);
        await PostJsonAsync(context, "/api/v1/clinics/invitations/accept", token, new { token = created.JoinPath["/clinic/join/".Length..], displayName = name });
        var invited = await PostJsonAsync(context, $"/api/v1/clinics/{created.Clinic.Slug}/invitations", token, new { email = person.Email, role = "therapist" });
        await PostJsonAsync(context, "/api/v1/clinics/invitations/accept", token, new { token = invited.GetProperty("joinPath").GetString()!["/clinic/join/".Length..], displayName = name });
        return new Therapist(person, token, created.Clinic.Slug);
    }

    protected static async Task<string> CodeAsync(IBrowserContext context, Therapist therapist) =>
        (await PostJsonAsync(context, "/api/v1/invitations", therapist.Token, new { })).GetProperty("code").GetString()!;

    /// <summary>A new person who accepts the therapist's code sharing <paramref name="sharing"/> (including what came before), with a check-in a day for a week, a questionnaire and a practice.</summary>
    protected async Task<Client> ClientAsync(IBrowserContext context, Therapist therapist, string name, params string[] sharing)
    {
        var services = BrowserApp.App.Services;
        var person = new Person(InnerAllyFactory.NewEmail(), InnerAllyFactory.GoodPassword);
        await RegisterAsync(context, person);
        var token = await ApiTokenAsync(context, person);
        await PostJsonAsync(context, "/api/v1/check-ins", token, new { threat = 6, drive = 4, soothe = 3, emotions = new[] { "anxious" }, note = "Long day, slow evening." });
        // Three weeks of earlier check-ins, written as the app writes them, so the trend has a shape.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var catalog = scope.ServiceProvider.GetRequiredService<EmotionCatalog>();
            var id = await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync();
            for (var day = 21; day >= 1; day--)
            {
                db.CheckIns.Add(CheckIn.Record(id, DateTime.UtcNow.AddDays(-day), 4 + (day % 4), 3 + (day % 3), 3 + (day % 5), ["calm"], null, catalog));
            }

            await db.SaveChangesAsync();
        }

        await PostJsonAsync(context, "/api/v1/instruments/gad7/responses", token, new
        {
            answers = new Dictionary<string, int> { ["1"] = 1, ["2"] = 2, ["3"] = 0, ["4"] = 1, ["5"] = 2, ["6"] = 0, ["7"] = 1 },
            status = "complete",
        });
        await PostJsonAsync(context, "/api/v1/practice-sessions", token, new
        {
            practiceId = "soothing-rhythm-breathing",
            startedAt = DateTimeOffset.UtcNow.AddHours(-3),
            durationSeconds = 300,
            before = new { threat = 7, soothe = 2 },
            after = new { threat = 4, soothe = 5 },
        });
        var journal = await PostJsonAsync(context, "/api/v1/journal-entries", token, new
        {
            text = "Sat by the window with tea before work. I noticed the critic early and answered it more gently than last week.",
            tags = new[] { "mornings" },
        });
        var accepted = await PostJsonAsync(context, "/api/v1/invitations/accept", token, new
        {
            code = await CodeAsync(context, therapist),
            clientName = name,
            sharing = sharing.Select(s => new { category = s, includingEarlier = true }).ToArray(),
        });
        return new Client(person, token, accepted.GetProperty("id").GetGuid(), journal.GetProperty("id").GetGuid());
    }

    private static readonly string[] Everything = [.. SharingCategories.All.Select(c => c.Key)];

    /// <summary>What was set up for a context, so the page walk's second opening (at 320 px) finds the same page rather than a second clinic.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, object> Prepared = [];

    private static async Task<T> OnceAsync<T>(IBrowserContext context, Func<Task<T>> prepare)
        where T : class
    {
        if (Prepared.TryGetValue(context, out var done))
        {
            return (T)done;
        }

        var made = await prepare();
        Prepared.AddOrUpdate(context, made);
        return made;
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenCareTeamJoinAsync(IBrowserContext context, IPage page)
    {
        var code = await OnceAsync(context, async () =>
        {
            var therapist = await TherapistAsync(context, await RegisterAsync(context));
            var client = await SignUpAndSignInAsync(context);
            await RecordCheckInAsync(context, client, new { threat = 6, drive = 3, soothe = 4, note = "Walked by the river." });
            return await CodeAsync(context, therapist);
        });
        var response = await GoAsync(page, $"/care-team/join/{code.Replace("-", "", StringComparison.Ordinal)}");
        return (response,
        [
            ("the name field", page.GetByLabel("Your name as Dr Sam Rivera will see it")),
            ("the folded check-ins choices", page.Locator("summary", new() { HasText = "Check-ins" })),
            ("the 'Start working together' button", page.GetByRole(AriaRole.Button, new() { Name = "Start working together" })),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenCareTeamAsync(IBrowserContext context, IPage page)
    {
        await OnceAsync(context, async () =>
        {
            var therapist = await TherapistAsync(context, await RegisterAsync(context));
            var person = await SignUpAndSignInAsync(context);
            var token = await ApiTokenAsync(context, person);
            var accepted = await PostJsonAsync(context, "/api/v1/invitations/accept", token, new
            {
                code = await CodeAsync(context, therapist),
                clientName = "Jo",
                sharing = new[] { new { category = SharingCategories.CheckInRatings, includingEarlier = false } },
            });
            var look = await context.APIRequest.GetAsync($"/api/v1/caseload/{accepted.GetProperty("id").GetGuid()}", new() { Headers = Bearer(therapist.Token) });
            await ExpectOkAsync(look);
            return therapist;
        });
        var response = await GoAsync(page, "/care-team");
        return (response,
        [
            ("the 'Save what Dr Sam Rivera sees' button", page.GetByRole(AriaRole.Button, new() { Name = "Save what Dr Sam Rivera sees" })),
            ("the list of looks", page.Locator(".look-list li").First),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenCareTeamPreviewAsync(IBrowserContext context, IPage page)
    {
        var id = await OnceAsync(context, async () =>
        {
            var therapist = await TherapistAsync(context, await RegisterAsync(context));
            var person = await SignUpAndSignInAsync(context);
            await RecordCheckInAsync(context, person, new { threat = 5, drive = 4, soothe = 6, note = "A slow morning, then tea." });
            var token = await ApiTokenAsync(context, person);
            var accepted = await PostJsonAsync(context, "/api/v1/invitations/accept", token, new
            {
                code = await CodeAsync(context, therapist),
                clientName = "Jo",
                sharing = Everything.Select(c => new { category = c, includingEarlier = true }).ToArray(),
            });
            return accepted.GetProperty("id").GetGuid().ToString();
        });
        var response = await GoAsync(page, $"/care-team/{id}/preview");
        return (response,
        [
            ("the heading", page.GetByRole(AriaRole.Heading, new() { Name = "What Dr Sam Rivera sees" })),
            ("the check-in trend", page.Locator("main svg").First),
            ("the way back", page.GetByRole(AriaRole.Link, new() { Name = "Back to your care team" })),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenCaseloadAsync(IBrowserContext context, IPage page)
    {
        await OnceAsync(context, async () =>
        {
            var therapist = await TherapistAsync(context, await SignUpAndSignInAsync(context));
            await ClientAsync(context, therapist, "Jo", Everything);
            await ClientAsync(context, therapist, "Sam");
            return therapist;
        });
        var response = await GoAsync(page, "/caseload");
        return (response,
        [
            ("the first client", page.Locator(".caseload-table tbody th a").First),
            ("the 'Make a code' button", page.GetByRole(AriaRole.Button, new() { Name = "Make a code" })),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenCaseloadClientAsync(IBrowserContext context, IPage page)
    {
        var client = await OnceAsync(context, async () => await ClientAsync(context, await TherapistAsync(context, await SignUpAndSignInAsync(context)), "Jo", Everything));
        var response = await GoAsync(page, $"/caseload/{client.RelationshipId}");
        return (response, [("the trend", page.Locator("figure.trend-figure svg"))]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenWriteSessionNoteAsync(IBrowserContext context, IPage page)
    {
        var client = await OnceAsync(context, async () => await ClientAsync(context, await TherapistAsync(context, await SignUpAndSignInAsync(context)), "Jo"));
        var response = await GoAsync(page, $"/caseload/{client.RelationshipId}/session-notes/new");
        return (response,
        [
            ("the date", page.GetByLabel("Date of the session")),
            ("the first heading", page.GetByLabel("What we worked on")),
            ("the 'Save the note' button", page.GetByRole(AriaRole.Button, new() { Name = "Save the note" })),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenSessionNoteAsync(IBrowserContext context, IPage page)
    {
        var noteId = await OnceAsync(context, async () =>
        {
            var therapist = await TherapistAsync(context, await SignUpAndSignInAsync(context));
            var client = await ClientAsync(context, therapist, "Jo");
            var body = new
            {
                client = client.RelationshipId,
                sessionDate = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                minutes = 50,
                kind = "session",
                workedOn = "Noticing the critic's voice early in the week, and what it was trying to protect.",
                practicesUsed = "Soothing rhythm breathing, three minutes.",
                nextSteps = "Breathing each morning; notice one moment of self-criticism and what it wanted.",
                risk = "No current risk. The safety plan was looked at together.",
            };
            var id = (await PostJsonAsync(context, "/api/v1/session-notes", therapist.Token, body)).GetProperty("id").GetGuid();
            // Two days old, so it is a record now and is changed by an amendment.
            await using (var scope = BrowserApp.App.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SessionNotes.Where(n => n.Id == id)
                    .ExecuteUpdateAsync(n => n.SetProperty(x => x.CreatedAt, DateTime.UtcNow.AddDays(-2)));
            }

            await PostJsonAsync(context, $"/api/v1/session-notes/{id}/amendments", therapist.Token, body with { nextSteps = "Breathing each morning, and one kind sentence to ourselves at night." });
            return (object)id;
        });
        var response = await GoAsync(page, $"/session-notes/{noteId}");
        return (response,
        [
            ("the heading", page.GetByRole(AriaRole.Heading, new() { Level = 1 })),
            ("the 'Add an amendment' summary", page.Locator("details.note-change > summary")),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenCaseloadEntryAsync(IBrowserContext context, IPage page)
    {
        var client = await OnceAsync(context, async () => await ClientAsync(context, await TherapistAsync(context, await SignUpAndSignInAsync(context)), "Jo", Everything));
        var response = await GoAsync(page, $"/caseload/{client.RelationshipId}/writing/{client.JournalId}");
        return (response, [("the way back to Jo", page.Locator(".breadcrumb a"))]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenMessageThreadAsync(IBrowserContext context, IPage page)
    {
        var id = await OnceAsync(context, async () =>
        {
            var therapist = await TherapistAsync(context, await RegisterAsync(context));
            var person = await SignUpAndSignInAsync(context);
            var token = await ApiTokenAsync(context, person);
            var accepted = await PostJsonAsync(context, "/api/v1/invitations/accept", token, new { code = await CodeAsync(context, therapist), clientName = "Jo", sharing = Array.Empty<object>() });
            var thread = accepted.GetProperty("id").GetGuid().ToString();
            await ExpectOkAsync(await context.APIRequest.PutAsync("/api/v1/messages/reply-expectation", new() { DataObject = new { text = "I usually reply within 2 working days." }, Headers = Bearer(therapist.Token) }));
            await PostJsonAsync(context, $"/api/v1/messages/{thread}", therapist.Token, new { text = "How did the breathing practice go this week? No need to reply at length." });
            await PostJsonAsync(context, $"/api/v1/messages/{thread}", token, new { text = "Better than I expected. I did it twice, once on the bus.\nThe second time my shoulders dropped." });
            return thread;
        });
        var response = await GoAsync(page, $"/messages/{id}");
        return (response,
        [
            ("the 'Need help now?' link beside the conversation", page.Locator(".not-for-emergencies a").First),
            ("the box to write in", page.GetByLabel("Write to Dr Sam Rivera")),
            ("the 'Send' button", page.GetByRole(AriaRole.Button, new() { Name = "Send" })),
            ("the 'Withdraw' button", page.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenClinicStaffAsync(IBrowserContext context, IPage page)
    {
        var therapist = await OnceAsync(context, async () =>
        {
            var made = await TherapistAsync(context, await SignUpAndSignInAsync(context));
            await ClientAsync(context, made, "Jo");
            return made;
        });
        var response = await GoAsync(page, $"/clinic/{therapist.Slug}/staff");
        return (response,
        [
            ("their email address", page.GetByLabel("Their email address")),
            ("the 'Send invitation' button", page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" })),
        ]);
    }

    /// <summary>Registers a new person through the API without signing them in to the context.</summary>
    private static async Task<Person> RegisterAsync(IBrowserContext context, Person? person = null)
    {
        person ??= new Person(InnerAllyFactory.NewEmail(), InnerAllyFactory.GoodPassword);
        await ExpectOkAsync(await context.APIRequest.PostAsync("/api/v1/account/register", new() { DataObject = new { email = person.Email, password = person.Password } }));
        return person;
    }
}
