using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.Clinics;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Clinics;

/// <summary>A clinic made from the command line, its first admin, and the admin inviting and deactivating staff, through the API.</summary>
public sealed class ClinicStaffApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static async Task<(string Slug, string Token)> CreateClinicAsync(InnerAllyFactory factory, string adminEmail, string name = "Harbour Therapy")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = await CreateClinic.HandleAsync(
            new CreateClinic.Request(name, adminEmail, Slug: null, "Europe/London"), db,
            scope.ServiceProvider.GetRequiredService<StaffInvitationMail>(), TimeProvider.System, Cancel);
        return (result.Clinic.Slug, result.JoinPath["/clinic/join/".Length..]);
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string name = "Sam Rivera") =>
        client.PostAsJsonAsync("/api/v1/clinics/invitations/accept", new { token, displayName = name }, Cancel);

    private async Task<(HttpClient Admin, string Slug)> AdminOfNewClinicAsync()
    {
        var email = InnerAllyFactory.NewEmail();
        var admin = await factory.CreateClientForNewPersonAsync(email);
        var (slug, token) = await CreateClinicAsync(factory, email, $"Harbour {Guid.NewGuid():N}"[..20]);
        (await AcceptAsync(admin, token)).EnsureSuccessStatusCode();
        return (admin, slug);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    [Fact]
    public async Task The_first_admin_joins_once_with_the_printed_link_and_then_runs_the_clinic()
    {
        var email = InnerAllyFactory.NewEmail();
        var admin = await factory.CreateClientForNewPersonAsync(email);
        var (slug, token) = await CreateClinicAsync(factory, email);

        var joined = await AcceptAsync(admin, token, "  Sam Rivera ");

        joined.EnsureSuccessStatusCode();
        var membership = await joined.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(slug, membership.GetProperty("slug").GetString());
        Assert.Equal("Sam Rivera", membership.GetProperty("displayName").GetString());
        Assert.True(membership.GetProperty("isAdmin").GetBoolean());
        Assert.False(membership.GetProperty("isTherapist").GetBoolean());
        Assert.StartsWith("harbour-therapy", slug, StringComparison.Ordinal);

        var again = await ProblemAsync(await AcceptAsync(admin, token));
        Assert.Equal(AcceptStaffInvitation.NotOpen, again.GetProperty("token")[0].GetString());

        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}", Cancel);
        Assert.Equal("Europe/London", details.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task An_invitation_is_only_for_the_address_it_was_made_for_and_stays_open_for_that_address()
    {
        var email = InnerAllyFactory.NewEmail();
        var (_, token) = await CreateClinicAsync(factory, email);
        var stranger = await factory.CreateClientForNewPersonAsync();

        var refused = await ProblemAsync(await AcceptAsync(stranger, token));

        Assert.Equal(AcceptStaffInvitation.OtherAddress, refused.GetProperty("token")[0].GetString());
        Assert.Empty(await stranger.GetFromJsonAsync<JsonElement[]>("/api/v1/clinics", Cancel) ?? []);
        (await AcceptAsync(await factory.CreateClientForNewPersonAsync(email.ToUpperInvariant()), token)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_expired_or_made_up_link_lets_no_one_in()
    {
        var email = InnerAllyFactory.NewEmail();
        var person = await factory.CreateClientForNewPersonAsync(email);
        var (_, token) = await CreateClinicAsync(factory, email);
        var hash = StaffInvitation.HashOf(token);
        await DbAsync(db => db.StaffInvitations.Where(i => i.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Cancel));

        Assert.Equal(AcceptStaffInvitation.NotOpen, (await ProblemAsync(await AcceptAsync(person, token))).GetProperty("token")[0].GetString());
        Assert.Equal(AcceptStaffInvitation.NotOpen, (await ProblemAsync(await AcceptAsync(person, "made-up-token"))).GetProperty("token")[0].GetString());
        Assert.Empty(await person.GetFromJsonAsync<JsonElement[]>("/api/v1/clinics", Cancel) ?? []);
    }

    [Fact]
    public async Task Only_the_token_s_hash_is_kept_and_the_invited_address_is_sealed()
    {
        var email = InnerAllyFactory.NewEmail();
        var (_, token) = await CreateClinicAsync(factory, email);

        var stored = await DbAsync(db => db.StaffInvitations.AsNoTracking().SingleAsync(i => i.TokenHash == StaffInvitation.HashOf(token), Cancel));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.Equal(email, stored.Email);
        var raw = await DbAsync(db => db.Database.SqlQueryRaw<byte[]>("SELECT \"Email\" AS \"Value\" FROM \"StaffInvitations\" WHERE \"Id\" = {0}", stored.Id).SingleAsync(Cancel));
        Assert.DoesNotContain(email, System.Text.Encoding.UTF8.GetString(raw), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_admin_invites_a_therapist_who_joins_and_is_deactivated_and_then_has_no_clinic()
    {
        var (admin, slug) = await AdminOfNewClinicAsync();
        var therapistEmail = InnerAllyFactory.NewEmail();
        var therapist = await factory.CreateClientForNewPersonAsync(therapistEmail);

        var invite = await admin.PostAsJsonAsync($"/api/v1/clinics/{slug}/invitations", new { email = therapistEmail, displayName = "Dr Jo Park", role = "therapist" }, Cancel);
        invite.EnsureSuccessStatusCode();
        var invited = await invite.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.False(invited.GetProperty("emailed").GetBoolean());
        var token = invited.GetProperty("joinPath").GetString()!["/clinic/join/".Length..];
        var waiting = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}/staff", Cancel);
        Assert.Equal(therapistEmail, waiting.GetProperty("openInvitations")[0].GetProperty("email").GetString());

        var joined = await (await AcceptAsync(therapist, token, "Dr Jo Park")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(joined.GetProperty("isTherapist").GetBoolean());
        Assert.False(joined.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.GetAsync($"/api/v1/clinics/{slug}/staff", Cancel)).StatusCode);

        var staff = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}/staff", Cancel);
        Assert.Equal(0, staff.GetProperty("openInvitations").GetArrayLength());
        var jo = staff.GetProperty("staff").EnumerateArray().Single(m => m.GetProperty("displayName").GetString() == "Dr Jo Park");

        var deactivated = await admin.PostAsync($"/api/v1/clinics/{slug}/staff/{jo.GetProperty("id").GetGuid()}/deactivate", null, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        Assert.Empty(await therapist.GetFromJsonAsync<JsonElement[]>("/api/v1/clinics", Cancel) ?? []);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}/staff", Cancel);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("staff").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == jo.GetProperty("id").GetGuid()).GetProperty("deactivatedAt").ValueKind);
    }

    [Fact]
    public async Task A_clinic_keeps_one_active_admin_and_a_withdrawn_invitation_stops_working()
    {
        var (admin, slug) = await AdminOfNewClinicAsync();
        var staff = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}/staff", Cancel);
        var self = staff.GetProperty("staff")[0].GetProperty("id").GetGuid();

        var refused = await ProblemAsync(await admin.PostAsync($"/api/v1/clinics/{slug}/staff/{self}/deactivate", null, Cancel));
        Assert.Equal(DeactivateStaff.LastAdmin, refused.GetProperty("id")[0].GetString());

        var email = InnerAllyFactory.NewEmail();
        var invited = await (await admin.PostAsJsonAsync($"/api/v1/clinics/{slug}/invitations", new { email, role = "admin" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/clinics/{slug}/invitations/{invited.GetProperty("id").GetGuid()}", Cancel)).StatusCode);
        var token = invited.GetProperty("joinPath").GetString()!["/clinic/join/".Length..];
        Assert.Equal(AcceptStaffInvitation.NotOpen, (await ProblemAsync(await AcceptAsync(await factory.CreateClientForNewPersonAsync(email), token))).GetProperty("token")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/clinics/{slug}/invitations/{invited.GetProperty("id").GetGuid()}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_its_field_and_changes_nothing()
    {
        var (admin, slug) = await AdminOfNewClinicAsync();

        var zone = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/clinics/{slug}", new { name = "Harbour", timeZone = "Mars/Olympus" }, Cancel));
        Assert.Equal(UpdateClinicDetails.TimeZoneNeeded, zone.GetProperty("timeZone")[0].GetString());
        var name = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/clinics/{slug}", new { name = "", timeZone = "UTC" }, Cancel));
        Assert.Equal(UpdateClinicDetails.NameNeeded, name.GetProperty("name")[0].GetString());
        var email = await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/clinics/{slug}/invitations", new { email = "not an address", role = "therapist" }, Cancel));
        Assert.Equal(InviteStaff.EmailNeeded, email.GetProperty("email")[0].GetString());
        var role = await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/clinics/{slug}/invitations", new { email = "jo@example.org", role = "owner" }, Cancel));
        Assert.Equal(InviteStaff.RoleNeeded, role.GetProperty("role")[0].GetString());

        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}", Cancel);
        Assert.Equal("Europe/London", details.GetProperty("timeZone").GetString());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}/staff", Cancel)).GetProperty("openInvitations").GetArrayLength());

        var changed = await admin.PutAsJsonAsync($"/api/v1/clinics/{slug}", new { name = "Harbour Therapy", timeZone = "America/New_York", contactEmail = "hello@example.org" }, Cancel);
        changed.EnsureSuccessStatusCode();
        Assert.Equal("America/New_York", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/clinics/{slug}", Cancel)).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Someone_who_is_not_the_clinic_s_admin_finds_no_clinic_there()
    {
        var (_, slug) = await AdminOfNewClinicAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var (otherAdmin, _) = await AdminOfNewClinicAsync();

        foreach (var client in new[] { other, otherAdmin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/clinics/{slug}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/clinics/{slug}/staff", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/clinics/{slug}", new { name = "Mine now", timeZone = "UTC" }, Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/clinics/{slug}/invitations", new { email = "jo@example.org", role = "admin" }, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/clinics/no-such-clinic", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/clinics/{slug}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_removes_its_places_on_staff()
    {
        var email = InnerAllyFactory.NewEmail();
        var admin = await factory.CreateClientForNewPersonAsync(email);
        var (slug, token) = await CreateClinicAsync(factory, email);
        (await AcceptAsync(admin, token)).EnsureSuccessStatusCode();
        var userId = await DbAsync(db => db.StaffMembers.Where(m => db.Clinics.Any(c => c.Id == m.ClinicId && c.Slug == slug)).Select(m => m.UserId).SingleAsync(Cancel));

        var deleted = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { password = InnerAllyFactory.GoodPassword }) }, Cancel);

        deleted.EnsureSuccessStatusCode();
        Assert.False(await DbAsync(db => db.StaffMembers.AnyAsync(m => m.UserId == userId, Cancel)));
    }

    [Fact]
    public async Task The_only_admin_of_a_clinic_where_others_work_keeps_their_account_until_another_admin_joins()
    {
        var (admin, slug) = await AdminOfNewClinicAsync();
        var therapistEmail = InnerAllyFactory.NewEmail();
        var therapist = await factory.CreateClientForNewPersonAsync(therapistEmail);
        var asTherapist = await (await admin.PostAsJsonAsync($"/api/v1/clinics/{slug}/invitations", new { email = therapistEmail, role = "therapist" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        (await AcceptAsync(therapist, asTherapist.GetProperty("joinPath").GetString()!["/clinic/join/".Length..], "Dr Jo Park")).EnsureSuccessStatusCode();
        static HttpRequestMessage Erase() => new(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { password = InnerAllyFactory.GoodPassword }) };

        var refused = await admin.SendAsync(Erase(), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("only admin", (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/clinics/{slug}/staff", Cancel)).StatusCode);

        // The therapist who already works there is invited as an admin too; then the first admin may go.
        var asAdmin = await (await admin.PostAsJsonAsync($"/api/v1/clinics/{slug}/invitations", new { email = therapistEmail, role = "admin" }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        (await AcceptAsync(therapist, asAdmin.GetProperty("joinPath").GetString()!["/clinic/join/".Length..], "Dr Jo Park")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(Erase(), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync($"/api/v1/clinics/{slug}/staff", Cancel)).StatusCode);
    }
}
