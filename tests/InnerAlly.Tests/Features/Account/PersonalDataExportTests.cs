using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Account;

/// <summary>GET /api/v1/account/export: everything a person kept, opened, theirs alone, and nothing that opens the account.</summary>
public sealed class PersonalDataExportTests(PersonalDataFactory factory) : IClassFixture<PersonalDataFactory>
{
    private const string Url = "/api/v1/account/export";

    [Fact]
    public async Task Export_holds_everything_the_person_kept_in_their_own_words_and_nothing_of_anyone_else()
    {
        var ana = await factory.PersonWithEverythingAsync("amber kettle");
        await factory.PersonWithEverythingAsync("cobalt lantern");

        var response = await ana.Client.GetAsync(Url, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.Equal($"innerally-{TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json", disposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("cobalt lantern", text, StringComparison.Ordinal);
        var data = JsonDocument.Parse(text).RootElement;

        Assert.True((DateTime.UtcNow - data.GetProperty("exportedAt").GetDateTime()).Duration() < TimeSpan.FromMinutes(5));
        var account = data.GetProperty("account");
        Assert.Equal(ana.Email, account.GetProperty("email").GetString());
        Assert.Equal("Europe/London", account.GetProperty("timeZone").GetString());
        Assert.Equal("GB", account.GetProperty("country").GetString());
        Assert.Equal(JsonValueKind.String, account.GetProperty("created").ValueKind);
        Assert.False(account.GetProperty("twoFactorEnabled").GetBoolean());

        Assert.Equal("Check-in amber kettle.", Only(data, "checkIns").GetProperty("note").GetString());
        Assert.Equal("Practice amber kettle.", Only(data, "practiceSessions").GetProperty("note").GetString());
        Assert.Equal("07:30", Only(data, "practiceRhythm").GetProperty("time").GetString());
        var reminders = data.GetProperty("reminders");
        Assert.True(reminders.GetProperty("practiceEmails").GetBoolean());
        Assert.Equal(JsonValueKind.String, reminders.GetProperty("calendarAddressSince").ValueKind);
        Assert.Equal("gad7", reminders.GetProperty("questionnaires")[0].GetProperty("instrument").GetString());
        var lesson = Only(data, "lessons");
        Assert.Equal("shame-and-guilt", lesson.GetProperty("slug").GetString());
        Assert.Equal(JsonValueKind.String, lesson.GetProperty("readAt").ValueKind);
        Assert.Equal("Reflection amber kettle.", lesson.GetProperty("reflection").GetProperty("text").GetString());
        Assert.Equal("Signs amber kettle.", data.GetProperty("safetyPlan").GetProperty("warningSigns").GetString());
        Assert.Equal("Matters amber kettle.", data.GetProperty("safetyPlan").GetProperty("mattersMost").GetString());
        var questionnaire = data.GetProperty("questionnaires").EnumerateArray().Single(q => q.GetProperty("instrument").GetString() == "gad7");
        Assert.Equal("complete", questionnaire.GetProperty("status").GetString());
        Assert.Equal(3, questionnaire.GetProperty("answers").GetProperty("5").GetInt32());
        Assert.Equal(9m, questionnaire.GetProperty("scores").GetProperty("total").GetDecimal());
        Assert.Equal("Today: amber kettle.", Only(data, "journalEntries").GetProperty("text").GetString());
        Assert.Equal("Critic amber kettle.", Only(data, "allyRecords").GetProperty("criticWords").GetString());
        Assert.Equal("Close amber kettle.", Only(data, "letters").GetProperty("parts").GetProperty("close").GetString());
        Assert.Equal("Card amber kettle.", Only(data, "allyCards").GetProperty("text").GetString());
        var careTeam = data.GetProperty("careTeam");
        var place = Only(careTeam, "staff");
        Assert.Equal("Clinic amber kettle", place.GetProperty("clinic").GetString());
        Assert.True(place.GetProperty("isAdmin").GetBoolean());
        var therapist = Only(careTeam, "therapists");
        Assert.Equal("Dr Sam Rivera", therapist.GetProperty("therapistName").GetString());
        Assert.Equal("Jo", therapist.GetProperty("clientName").GetString());
        Assert.Equal(["check-in-ratings", "safety-notices"], therapist.GetProperty("sharing").EnumerateArray().Select(s => s.GetProperty("category").GetString()));
        Assert.True(therapist.GetProperty("sharing")[0].GetProperty("includingEarlier").GetBoolean());
        var entry = Only(therapist, "entries");
        Assert.Equal("journal", entry.GetProperty("category").GetString());
        Assert.True(entry.GetProperty("shared").GetBoolean());
        Assert.Equal("questionnaire", Only(careTeam, "safetyNotices").GetProperty("feature").GetString());
        var look = Only(careTeam, "looks");
        Assert.Equal("Dr Sam Rivera", look.GetProperty("therapist").GetString());
        Assert.Equal("GET /api/v1/caseload/{id:guid}", look.GetProperty("via").GetString());
    }

    [Fact]
    public async Task Export_never_holds_what_opens_the_account()
    {
        var ana = await factory.PersonWithEverythingAsync("quiet meadow");
        factory.AddIdentityRows(ana.Id);
        var stored = factory.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == ana.Id));
        var tokens = factory.WithDb(db => db.UserTokens.Where(t => t.UserId == ana.Id).Select(t => t.Value).ToList());
        var feedToken = ana.CalendarPath["/calendar/".Length..^".ics".Length];

        var text = await ana.Client.GetStringAsync(Url, Cancel);

        foreach (var name in new[] { "passwordHash", "securityStamp", "concurrencyStamp", "recoveryCode", "authenticator", "token", "publicKey", "credentialId", "providerKey" })
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(stored.PasswordHash!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.SecurityStamp!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(feedToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("/calendar/", text, StringComparison.Ordinal);
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.DoesNotContain(t!, text, StringComparison.Ordinal));
        // The passkey is named, never given away.
        Assert.Equal("Phone", Only(JsonDocument.Parse(text).RootElement.GetProperty("account"), "passkeys").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_person_with_nothing_yet_gets_empty_lists()
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var data = await client.GetFromJsonAsync<JsonElement>(Url, Cancel);

        foreach (var list in new[] { "checkIns", "practiceSessions", "practiceRhythm", "lessons", "questionnaires", "journalEntries", "allyRecords", "letters", "allyCards" })
        {
            Assert.Equal(0, data.GetProperty(list).GetArrayLength());
        }

        foreach (var list in new[] { "staff", "therapists", "looks", "safetyNotices" })
        {
            Assert.Equal(0, data.GetProperty("careTeam").GetProperty(list).GetArrayLength());
        }

        Assert.Equal(JsonValueKind.Null, data.GetProperty("safetyPlan").ValueKind);
        Assert.False(data.GetProperty("reminders").GetProperty("practiceEmails").GetBoolean());
    }

    [Fact]
    public async Task Signed_out_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreatePageClient().GetAsync(Url, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Export_writes_no_words_to_the_logs()
    {
        await using var logged = new PersonalDataFactory { CaptureLogs = true };
        await logged.InitializeAsync();
        var ana = await logged.PersonWithEverythingAsync("hidden harbour");

        (await ana.Client.GetAsync(Url, Cancel)).EnsureSuccessStatusCode();

        Assert.Contains(logged.Logs, l => l.Contains("downloaded their data", StringComparison.Ordinal));
        Assert.DoesNotContain(logged.Logs, l => l.Contains("hidden harbour", StringComparison.Ordinal));
    }

    private static JsonElement Only(JsonElement data, string list)
    {
        var items = data.GetProperty(list);
        Assert.Equal(1, items.GetArrayLength());
        return items[0];
    }
}
