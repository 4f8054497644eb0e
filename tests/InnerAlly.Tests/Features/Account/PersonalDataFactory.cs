using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Calendar;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Clinics;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Letters;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Practices;
using InnerAlly.Features.Safety;
using InnerAlly.Features.SessionNotes;
using InnerAlly.Tests.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// The app with email on (so practice emails can be turned on, though sign-in does not wait for a
/// confirmed address), and a person who has kept one of
/// everything, made through the APIs people and apps use, with a given word in every text they wrote.
/// </summary>
public sealed class PersonalDataFactory : InnerAllyFactory
{
    public PersonalDataFactory()
    {
        Settings = new Dictionary<string, string?> { ["Email:PickupDirectory"] = PickupDirectory, ["App:PublicUrl"] = EmailFactory.PublicUrl };
    }

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "innerally-mail", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Email is on only so practice emails can be turned on; signing in need not wait for a confirmed address.
        builder.ConfigureTestServices(services => services.PostConfigure<IdentityOptions>(o =>
        {
            o.SignIn.RequireConfirmedAccount = false;
            o.SignIn.RequireConfirmedEmail = false;
        }));
    }

    public sealed record Person(string Email, Guid Id, HttpClient Client, string CalendarPath);

    /// <summary>Registers, confirms and signs in a person, then keeps one of every kind of data with <paramref name="words"/> in each text.</summary>
    public async Task<Person> PersonWithEverythingAsync(string words)
    {
        var email = NewEmail();
        var client = await CreateSignedInApiClientAsync(email);

        // An authenticator key is an Identity user token (sealed by ProtectedUserStore). Making one
        // changes the security stamp, ending the token, so the person signs in again after it.
        await SendAsync(client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { }, Cancel));
        var login = await CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email, password = GoodPassword }, Cancel);
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<TokenResponse>(Cancel))!.AccessToken);
        var id = WithDb(db => db.Users.Single(u => u.Email == email).Id);

        await SendAsync(client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Europe/London", country = "GB" }, Cancel));
        await SendAsync(client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 6, drive = 3, soothe = 2, emotions = new[] { "anxious" }, note = $"Check-in {words}." }, Cancel));
        await SendAsync(client.PostAsJsonAsync("/api/v1/practice-sessions", new
        {
            practiceId = "soothing-touch",
            startedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            durationSeconds = 300,
            before = new { threat = 7, soothe = 2 },
            after = new { threat = 4, soothe = 5 },
            note = $"Practice {words}.",
        }, Cancel));
        await SendAsync(client.PostAsJsonAsync("/api/v1/practice-rhythm", new { practiceId = "soothing-touch", minutes = 3, days = new[] { "monday" }, time = "07:30" }, Cancel));
        await SendAsync(client.PutAsJsonAsync("/api/v1/practice-rhythm/email-reminders", new { enabled = true }, Cancel));
        var feed = await client.PostAsync("/api/v1/practice-rhythm/calendar-feed", null, Cancel);
        Assert.Equal(HttpStatusCode.Created, feed.StatusCode);
        var calendarPath = new Uri((await feed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("url").GetString()!).AbsolutePath;
        await SendAsync(client.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/read", new { }, Cancel));
        await SendAsync(client.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/reflection", new { text = $"Reflection {words}." }, Cancel));
        await SendAsync(client.PutAsJsonAsync("/api/v1/safety-plan", new { warningSigns = $"Signs {words}.", mattersMost = $"Matters {words}." }, Cancel));
        await SendAsync(client.PostAsJsonAsync("/api/v1/instruments/gad7/responses", new
        {
            answers = new Dictionary<string, int> { ["1"] = 1, ["2"] = 2, ["3"] = 0, ["4"] = 1, ["5"] = 3, ["6"] = 0, ["7"] = 2 },
            status = "complete",
        }, Cancel));
        await SendAsync(client.PutAsJsonAsync("/api/v1/instruments/gad7/reminder", new { everyWeeks = 2, time = "18:30" }, Cancel));
        foreach (var url in new[] { JournalUrl, AllyRecordsUrl, LettersUrl, AllyCardsUrl })
        {
            await CreateAsync(client, url, Body(url, words));
        }

        // Their part in a clinic: the admin of one (who invited someone), and the client of another's therapist, who looked once.
        CreateClinic.Result created;
        await using (var scope = Services.CreateAsyncScope())
        {
            created = await CreateClinic.HandleAsync(
                new CreateClinic.Request($"Clinic {words}", email, Slug: null, TimeZone: null), scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                scope.ServiceProvider.GetRequiredService<StaffInvitationMail>(), TimeProvider.System, Cancel);
        }

        await SendAsync(client.PostAsJsonAsync("/api/v1/clinics/invitations/accept", new { token = created.JoinPath["/clinic/join/".Length..], displayName = "Admin" }, Cancel));
        await SendAsync(client.PostAsJsonAsync($"/api/v1/clinics/{created.Clinic.Slug}/invitations", new { email = NewEmail(), role = "therapist" }, Cancel));
        var therapist = (await new CareTeamSetup(this).ClinicAsync()).Therapist;
        var code = await CareTeamSetup.CodeAsync(therapist);
        var joined = await CareTeamSetup.Ok(await client.PostAsJsonAsync(
            "/api/v1/invitations/accept", new { code, clientName = "Jo", sharing = CareTeamSetup.Choices(SharingCategories.CheckInRatings + "+", SharingCategories.SafetyNotices) }, Cancel));
        var relationship = joined.GetProperty("id").GetGuid();
        await SendAsync(therapist.GetAsync($"/api/v1/caseload/{relationship}", Cancel));
        // The therapist's note of a session: the clinic's record, which outlives the account (its link to it is cleared).
        await SendAsync(therapist.PostAsJsonAsync("/api/v1/session-notes", new { client = relationship, sessionDate = "2026-12-01", minutes = 50, kind = "session", workedOn = "Soothing rhythm." }, Cancel));
        // A PHQ-9 whose last answer asks about safety: the support notice shows, and the therapist is told it appeared.
        await SendAsync(client.PostAsJsonAsync("/api/v1/instruments/phq9/responses", new
        {
            answers = Enumerable.Range(1, 9).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i == 9 ? 1 : 0),
            status = "complete",
        }, Cancel));
        var journal = WithDb(db => db.JournalEntries.Single(e => e.UserId == id).Id);
        await SendAsync(client.PutAsJsonAsync($"/api/v1/care-team/{relationship}/entries/{journal}", new { choice = "share" }, Cancel));

        return new Person(email, id, client, calendarPath);
    }

    /// <summary>
    /// Rows the app has no API for yet but an account can hold (a claim, an outside sign-in, a role,
    /// a passkey), written straight to the database so deleting the account is seen to reach them too.
    /// </summary>
    public void AddIdentityRows(Guid userId)
    {
        WithDb(db =>
        {
            var role = new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = "role-" + Guid.NewGuid().ToString("N"), NormalizedName = Guid.NewGuid().ToString("N") };
            db.Roles.Add(role);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = role.Id });
            db.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = userId, ClaimType = "clinic", ClaimValue = "north" });
            db.UserLogins.Add(new IdentityUserLogin<Guid> { UserId = userId, LoginProvider = "Elsewhere", ProviderKey = Guid.NewGuid().ToString("N"), ProviderDisplayName = "Elsewhere" });
            db.UserPasskeys.Add(new IdentityUserPasskey<Guid>
            {
                UserId = userId,
                CredentialId = Guid.NewGuid().ToByteArray(),
                Data = new IdentityPasskeyData
                {
                    PublicKey = [1, 2, 3],
                    Name = "Phone",
                    CreatedAt = DateTimeOffset.UtcNow,
                    Transports = ["internal"],
                    AttestationObject = [4],
                    ClientDataJson = [5],
                },
            });
            return db.SaveChanges();
        });
    }

    /// <summary>
    /// How many rows each table holds for <paramref name="userId"/>: the account itself and every
    /// entity with a foreign key to it. <see cref="KeyedByUser"/> checks this list is complete.
    /// </summary>
    public Dictionary<Type, int> RowsFor(Guid userId) => WithDb(db => new Dictionary<Type, int>
    {
        [typeof(User)] = db.Users.Count(u => u.Id == userId),
        [typeof(IdentityUserClaim<Guid>)] = db.UserClaims.Count(x => x.UserId == userId),
        [typeof(IdentityUserLogin<Guid>)] = db.UserLogins.Count(x => x.UserId == userId),
        [typeof(IdentityUserToken<Guid>)] = db.UserTokens.Count(x => x.UserId == userId),
        [typeof(IdentityUserRole<Guid>)] = db.UserRoles.Count(x => x.UserId == userId),
        [typeof(IdentityUserPasskey<Guid>)] = db.UserPasskeys.Count(x => x.UserId == userId),
        [typeof(CheckIn)] = db.CheckIns.Count(x => x.UserId == userId),
        [typeof(PracticeSession)] = db.PracticeSessions.Count(x => x.UserId == userId),
        [typeof(PracticeRhythmItem)] = db.PracticeRhythmItems.Count(x => x.UserId == userId),
        [typeof(CalendarFeed)] = db.CalendarFeeds.Count(x => x.UserId == userId),
        [typeof(PracticeReminderSubscription)] = db.PracticeReminderSubscriptions.Count(x => x.UserId == userId),
        [typeof(LessonState)] = db.LessonStates.Count(x => x.UserId == userId),
        [typeof(SafetyPlan)] = db.SafetyPlans.Count(x => x.UserId == userId),
        [typeof(MeasureResponse)] = db.MeasureResponses.Count(x => x.UserId == userId),
        [typeof(MeasureReminder)] = db.MeasureReminders.Count(x => x.UserId == userId),
        [typeof(JournalEntry)] = db.JournalEntries.Count(x => x.UserId == userId),
        [typeof(AllyRecord)] = db.AllyRecords.Count(x => x.UserId == userId),
        [typeof(Letter)] = db.Letters.Count(x => x.UserId == userId),
        [typeof(AllyCard)] = db.AllyCards.Count(x => x.UserId == userId),
        [typeof(TokenFamily)] = db.TokenFamilies.Count(x => x.UserId == userId),
        [typeof(StaffMember)] = db.StaffMembers.Count(x => x.UserId == userId),
        [typeof(StaffInvitation)] = db.StaffInvitations.Count(x => x.InvitedBy == userId),
        [typeof(CareRelationship)] = db.CareRelationships.Count(x => x.UserId == userId),
        [typeof(CareAccessRecord)] = db.CareAccessRecords.Count(x => x.ClientId == userId),
        [typeof(CareAccessChainEnd)] = db.CareAccessChainEnds.Count(x => x.ClientId == userId),
        [typeof(SafetyNoticeRecord)] = db.SafetyNoticeRecords.Count(x => x.UserId == userId),
        [typeof(SessionNote)] = db.SessionNotes.Count(x => x.ClientUserId == userId),
    });

    /// <summary>The account and every entity type the model ties to it.</summary>
    public IReadOnlySet<Type> KeyedByUser() => WithDb(db => db.Model.GetEntityTypes()
        .Where(t => t.ClrType == typeof(User) || t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(User)))
        .Select(t => t.ClrType)
        .ToHashSet());

    private static async Task SendAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}
