using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Features.Account;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;
using static InnerAlly.Tests.Features.SessionNotes.SessionNoteSetup;

namespace InnerAlly.Tests.Features.SessionNotes;

/// <summary>A note is a record: its author changes it for 24 hours (on the app's clock), then only amends it, and the note as it was stays beside the amendment.</summary>
public sealed class SessionNoteRecordTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Within_24_hours_the_author_changes_it_after_that_a_change_is_409_and_an_amendment_keeps_the_old_text()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var id = (await WriteAsync(clinic.Therapist, client.RelationshipId, "First words.")).GetProperty("id").GetGuid();

        factory.Clock.Advance(TimeSpan.FromHours(23));
        var therapist = await SignInAgainAsync(factory, clinic.TherapistEmail);
        var edited = await Ok(await therapist.PutAsJsonAsync($"{Url}/{id}", Body(client.RelationshipId, "First words, put better.", minutes: 55), Cancel));
        Assert.Equal("First words, put better.", edited.GetProperty("current").GetProperty("workedOn").GetString());
        Assert.Equal(55, edited.GetProperty("current").GetProperty("minutes").GetInt32());
        Assert.Equal(1, edited.GetProperty("versions").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, edited.GetProperty("current").GetProperty("editedAt").ValueKind);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        therapist = await SignInAgainAsync(factory, clinic.TherapistEmail);
        var refused = await therapist.PutAsJsonAsync($"{Url}/{id}", Body(client.RelationshipId, "Rewritten."), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False((await Ok(await therapist.GetAsync($"{Url}/{id}", Cancel))).GetProperty("editable").GetBoolean());

        var amended = await therapist.PostAsJsonAsync($"{Url}/{id}/amendments", Body(client.RelationshipId, "First words, with what I missed."), Cancel);
        Assert.Equal(HttpStatusCode.Created, amended.StatusCode);
        var note = await Ok(await therapist.GetAsync($"{Url}/{id}", Cancel));
        Assert.Equal("First words, with what I missed.", note.GetProperty("current").GetProperty("workedOn").GetString());
        Assert.Equal(2, note.GetProperty("current").GetProperty("number").GetInt32());
        var old = note.GetProperty("versions")[1];
        Assert.Equal("First words, put better.", old.GetProperty("workedOn").GetString());
        Assert.Equal("Dr Sam Rivera", old.GetProperty("amendedBy").GetString());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, old.GetProperty("amendedAt").GetDateTime(), TimeSpan.FromSeconds(1));
        // An amended note stays a record: it is never changed in place again.
        Assert.Equal(HttpStatusCode.Conflict, (await therapist.PutAsJsonAsync($"{Url}/{id}", Body(client.RelationshipId, "Rewritten."), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await therapist.DeleteAsync($"{Url}/{id}", Cancel)).StatusCode);
    }
}
