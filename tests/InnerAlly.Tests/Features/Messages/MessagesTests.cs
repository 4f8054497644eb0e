using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.Messages;
using InnerAlly.Tests.Features.Account;
using InnerAlly.Tests.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;

namespace InnerAlly.Tests.Features.Messages;

/// <summary>The app with email on (messages land as .eml files), a clock the test moves, and every log line kept.</summary>
public sealed class MessagesFactory : InnerAllyFactory
{
    public const string PublicUrl = "https://innerally.example";

    public MessagesFactory()
    {
        Settings = new Dictionary<string, string?> { ["Email:PickupDirectory"] = PickupDirectory, ["App:PublicUrl"] = PublicUrl };
        CaptureLogs = true;
    }

    public ManualClock Clock { get; } = new();

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "innerally-mail", Guid.NewGuid().ToString("N"));

    /// <summary>Every email sent to <paramref name="email"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string email) =>
        [.. (Directory.Exists(PickupDirectory) ? Directory.GetFiles(PickupDirectory, "*.eml") : [])
            .Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase)))];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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

/// <summary>Messages between a client and their therapist through /api/v1/messages: one thread per care relationship, for those two alone.</summary>
public sealed class MessagesTests(MessagesFactory factory) : IClassFixture<MessagesFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly CareTeamSetup _setup = new(factory);

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Guid thread, string text) =>
        http.PostAsJsonAsync($"/api/v1/messages/{thread}", new { text }, Cancel);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    [Fact]
    public async Task A_message_each_way_is_read_and_marked_read_and_each_email_says_only_that_there_is_one()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        var words = $"message-marker-{Guid.NewGuid():N}";

        var sent = await Ok(await SendAsync(client.Http, client.RelationshipId, $"Hello, a hard week. {words}"));
        Assert.True(sent.GetProperty("message").GetProperty("mine").GetBoolean());
        Assert.Equal("client", sent.GetProperty("message").GetProperty("from").GetString());
        Assert.True(sent.GetProperty("message").GetProperty("canWithdraw").GetBoolean());

        var threads = (await Ok(await clinic.Therapist.GetAsync("/api/v1/messages", Cancel))).GetProperty("items").EnumerateArray().ToList();
        var mine = Assert.Single(threads, t => t.GetProperty("id").GetGuid() == client.RelationshipId);
        Assert.Equal("Jo", mine.GetProperty("with").GetString());
        Assert.Equal("therapist", mine.GetProperty("side").GetString());
        Assert.Equal(1, mine.GetProperty("unread").GetInt32());

        var seen = await Ok(await clinic.Therapist.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel));
        var first = Assert.Single(seen.GetProperty("messages").EnumerateArray());
        Assert.Equal($"Hello, a hard week. {words}", first.GetProperty("text").GetString());
        Assert.False(first.GetProperty("mine").GetBoolean());
        Assert.False(first.GetProperty("canWithdraw").GetBoolean());
        Assert.Contains("not for emergencies", seen.GetProperty("help").GetString(), StringComparison.OrdinalIgnoreCase);

        await Ok(await SendAsync(clinic.Therapist, client.RelationshipId, "Thank you for telling me. We can talk on Tuesday."));
        var back = await Ok(await client.Http.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel));
        var both = back.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, both.Count);
        Assert.NotEqual(JsonValueKind.Null, both[0].GetProperty("readAt").ValueKind);
        Assert.Equal("Dr Sam Rivera", back.GetProperty("with").GetString());
        Assert.Equal("Thank you for telling me. We can talk on Tuesday.", both[1].GetProperty("text").GetString());
        var clientThreads = (await Ok(await client.Http.GetAsync("/api/v1/messages", Cancel))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(0, Assert.Single(clientThreads).GetProperty("unread").GetInt32());

        foreach (var (email, text) in new[] { (clinic.TherapistEmail, words), (client.Email, "talk on Tuesday") })
        {
            var mail = Assert.Single(factory.MailTo(email), m => m.Subject == MessageMail.Subject);
            Assert.Equal(MessageMail.Subject, mail.Subject);
            Assert.Contains($"{MessagesFactory.PublicUrl}/messages/{client.RelationshipId}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(text, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Rivera", mail.TextBody, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(factory.Logs, line => line.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_is_sealed_in_the_database()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        var marker = $"sealed-marker-{Guid.NewGuid():N}";
        await Ok(await SendAsync(client.Http, client.RelationshipId, $"Only for you: {marker}"));

        if (factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            var stored = factory.Database.ReadSqliteFiles();
            Assert.True(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(client.Email)) >= 0, "The scan should see plain columns (the email).");
            Assert.False(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0, "The message is readable in the SQLite file or its WAL.");
        }
        else
        {
            var rows = await factory.Database.QueryAsync(
                """SELECT "Text" FROM "Messages" WHERE "RelationshipId" = @id""", r => (byte[])r.GetValue(0), new Dictionary<string, object> { ["id"] = client.RelationshipId }, Cancel);
            var raw = Assert.Single(rows);
            Assert.Equal(ProtectedTextConverter.Version, raw[0]);
            Assert.False(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0);
        }
    }

    [Fact]
    public async Task Nobody_else_finds_a_thread_not_another_therapist_of_the_clinic_nor_its_admin_nor_another_person()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        await Ok(await SendAsync(client.Http, client.RelationshipId, "For my therapist."));
        var (colleague, _) = await _setup.TherapistAsync(clinic, "Dr Kim Lee");
        var stranger = await factory.CreateClientForNewPersonAsync();
        var message = (await Ok(await client.Http.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel))).GetProperty("messages")[0].GetProperty("id").GetGuid();

        foreach (var other in new[] { colleague, clinic.Admin, stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(other, client.RelationshipId, "hello")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/messages/{client.RelationshipId}/{message}", Cancel)).StatusCode);
            Assert.DoesNotContain((await Ok(await other.GetAsync("/api/v1/messages", Cancel))).GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == client.RelationshipId);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/v1/messages/{Guid.NewGuid()}", Cancel)).StatusCode);
        // The therapist cannot take back the client's message.
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.DeleteAsync($"/api/v1/messages/{client.RelationshipId}/{message}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_message_can_be_withdrawn_by_its_writer_for_5_minutes_and_its_words_are_gone()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        var early = (await Ok(await SendAsync(client.Http, client.RelationshipId, "I did not mean to send this"))).GetProperty("message").GetProperty("id").GetGuid();
        factory.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"/api/v1/messages/{client.RelationshipId}/{early}", Cancel)).StatusCode);

        var late = (await Ok(await SendAsync(client.Http, client.RelationshipId, "This one stays"))).GetProperty("message").GetProperty("id").GetGuid();
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var refused = await ProblemAsync(await client.Http.DeleteAsync($"/api/v1/messages/{client.RelationshipId}/{late}", Cancel), HttpStatusCode.Conflict);
        Assert.Equal(WithdrawMessage.TooLate, refused.GetProperty("detail").GetString());

        var thread = (await Ok(await clinic.Therapist.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel))).GetProperty("messages").EnumerateArray().ToList();
        Assert.True(thread[0].GetProperty("withdrawn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, thread[0].GetProperty("text").ValueKind);
        Assert.Equal("This one stays", thread[1].GetProperty("text").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Messages.SingleAsync(m => m.Id == early, Cancel);
        Assert.Equal("", stored.Text);
    }

    [Fact]
    public async Task Ending_the_work_closes_the_thread_to_new_messages_the_client_keeps_it_and_the_therapist_loses_it()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        await Ok(await SendAsync(clinic.Therapist, client.RelationshipId, "See you next week."));
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"/api/v1/care-team/{client.RelationshipId}", Cancel)).StatusCode);

        var closed = await ProblemAsync(await SendAsync(client.Http, client.RelationshipId, "one more"), HttpStatusCode.Conflict);
        Assert.Equal(SendMessage.Closed, closed.GetProperty("detail").GetString());
        var kept = await Ok(await client.Http.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel));
        Assert.False(kept.GetProperty("open").GetBoolean());
        Assert.Equal("See you next week.", Assert.Single(kept.GetProperty("messages").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(clinic.Therapist, client.RelationshipId, "hello?")).StatusCode);

        var export = await Ok(await client.Http.GetAsync("/api/v1/account/export", Cancel));
        Assert.Contains("See you next week.", export.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_messages_are_400_naming_the_field_and_nothing_is_sent()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        foreach (var body in new object[] { new { text = "" }, new { text = "   " }, new { text = new string('a', Message.TextMaxLength + 1) }, new { } })
        {
            var problem = await ProblemAsync(await client.Http.PostAsJsonAsync($"/api/v1/messages/{client.RelationshipId}", body, Cancel), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("Text", out _) || problem.GetProperty("errors").TryGetProperty("text", out _), problem.ToString());
        }

        var unknown = await client.Http.PostAsJsonAsync($"/api/v1/messages/{client.RelationshipId}", new { text = "hi", attachment = "x" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Empty((await Ok(await client.Http.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel))).GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task After_30_messages_in_an_hour_a_person_is_asked_to_wait_and_an_hour_later_can_write_again()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        for (var i = 0; i < SendMessage.PerHour; i++)
        {
            await Ok(await SendAsync(clinic.Therapist, client.RelationshipId, $"Note {i}"));
        }

        var problem = await ProblemAsync(await SendAsync(clinic.Therapist, client.RelationshipId, "one too many"), (HttpStatusCode)429);
        Assert.Equal(SendMessage.TooMany, problem.GetProperty("detail").GetString());
        // The limit is the writer's: the client can still answer.
        await Ok(await SendAsync(client.Http, client.RelationshipId, "Thank you"));
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        // An hour on, the bearer token has expired too: the therapist signs in again (with email on, a confirmed address is needed).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == clinic.TherapistEmail)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true), Cancel);
        }

        var login = await Ok(await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email = clinic.TherapistEmail, password = InnerAllyFactory.GoodPassword }, Cancel));
        var therapist = factory.CreateClient();
        therapist.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        await Ok(await SendAsync(therapist, client.RelationshipId, "And now again"));
    }

    [Fact]
    public async Task A_clients_message_passes_the_risk_check_and_a_notice_is_kept_for_the_therapist_only_when_shared()
    {
        var clinic = await _setup.ClinicAsync();
        var sharing = await _setup.ClientAsync(clinic.Therapist, SharingCategories.SafetyNotices);
        var notSharing = await _setup.ClientAsync(clinic.Therapist);
        const string risk = "I have decided to end my life this weekend. I have the pills ready.";

        foreach (var client in new[] { sharing, notSharing })
        {
            var sent = await Ok(await SendAsync(client.Http, client.RelationshipId, risk));
            Assert.True(sent.GetProperty("safety").GetProperty("triggered").GetBoolean());
            Assert.Equal("notice", sent.GetProperty("safety").GetProperty("level").GetString());
        }

        var calm = await Ok(await SendAsync(sharing.Http, sharing.RelationshipId, "The breathing practice helped this morning."));
        Assert.False(calm.GetProperty("safety").GetProperty("triggered").GetBoolean());
        var fromTherapist = await Ok(await SendAsync(clinic.Therapist, sharing.RelationshipId, risk));
        Assert.Equal(JsonValueKind.Null, fromTherapist.GetProperty("safety").ValueKind);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owners = await db.CareRelationships.Where(r => r.Id == sharing.RelationshipId || r.Id == notSharing.RelationshipId).ToDictionaryAsync(r => r.Id, r => r.UserId, Cancel);
        var kept = await db.SafetyNoticeRecords.Where(n => n.UserId == owners[sharing.RelationshipId] || n.UserId == owners[notSharing.RelationshipId]).ToListAsync(Cancel);
        var notice = Assert.Single(kept);
        Assert.Equal(owners[sharing.RelationshipId], notice.UserId);
        Assert.Equal(SafetyNoticeFeatures.Message, notice.Feature);
    }

    [Fact]
    public async Task A_therapists_reply_expectation_is_shown_on_the_clients_thread()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        await Ok(await clinic.Therapist.PutAsJsonAsync("/api/v1/messages/reply-expectation", new { text = " I usually reply within 2 working days. " }, Cancel));
        var thread = await Ok(await client.Http.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel));
        Assert.Equal("I usually reply within 2 working days.", thread.GetProperty("replyExpectation").GetString());

        var tooLong = await ProblemAsync(await clinic.Therapist.PutAsJsonAsync("/api/v1/messages/reply-expectation", new { text = new string('a', 201) }, Cancel), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("Text", out _) || tooLong.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PutAsJsonAsync("/api/v1/messages/reply-expectation", new { text = "I am not a therapist" }, Cancel)).StatusCode);
        thread = await Ok(await client.Http.GetAsync($"/api/v1/messages/{client.RelationshipId}", Cancel));
        Assert.Equal("I usually reply within 2 working days.", thread.GetProperty("replyExpectation").GetString());
    }
}
