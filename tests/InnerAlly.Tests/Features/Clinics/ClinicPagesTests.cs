using System.Net;
using InnerAlly.Features.Clinics;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Clinics;

/// <summary>The staff pages: joining from the link, the admin's staff page and the clinic's details, with the same rules as the API.</summary>
public sealed class ClinicPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private async Task<(PageBrowser Admin, string Slug)> AdminOfNewClinicAsync()
    {
        var email = InnerAllyFactory.NewEmail();
        var admin = await PageBrowser.RegisterAsync(factory, email);
        var (slug, token) = await ClinicStaffApiTests.CreateClinicAsync(factory, email, $"Quay {Guid.NewGuid():N}"[..16]);
        var joined = await admin.SubmitAsync($"/clinic/join/{token}", new Dictionary<string, string> { ["Input.DisplayName"] = "Sam Rivera" });
        PageBrowser.AssertRedirectsTo(joined, "/clinic");
        return (admin, slug);
    }

    [Theory]
    [InlineData("/clinic")]
    [InlineData("/clinic/join/some-token")]
    [InlineData("/clinic/harbour-therapy/staff")]
    [InlineData("/clinic/harbour-therapy/details")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.CreatePageClient().GetAsync(path, PageBrowser.Cancel);

        PageBrowser.AssertRedirectsTo(response, "http://localhost/account/login");
    }

    [Fact]
    public async Task The_invited_person_sees_the_clinic_joins_with_their_name_and_finds_it_on_their_clinic_page()
    {
        var email = InnerAllyFactory.NewEmail();
        var person = await PageBrowser.RegisterAsync(factory, email);
        var (slug, token) = await ClinicStaffApiTests.CreateClinicAsync(factory, email, "Willow Counselling");

        var invitation = await person.OpenAsync($"/clinic/join/{token}");
        Assert.Contains("Willow Counselling", invitation.QuerySelector("main .lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("as an admin", invitation.QuerySelector("main .lead")!.TextContent, StringComparison.Ordinal);

        var empty = await person.SubmitAsync($"/clinic/join/{token}", new Dictionary<string, string> { ["Input.DisplayName"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(AcceptStaffInvitation.NameNeeded, PageBrowser.FieldError(await PageBrowser.ParseAsync(empty), "display-name"));

        PageBrowser.AssertRedirectsTo(await person.SubmitAsync($"/clinic/join/{token}", new Dictionary<string, string> { ["Input.DisplayName"] = "Ana Silva" }), "/clinic");
        var mine = await person.OpenAsync("/clinic");
        Assert.Contains("Ana Silva", mine.QuerySelector("main .card")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mine.QuerySelector($"main a[href='/clinic/{slug}/staff']"));

        var used = await person.OpenAsync($"/clinic/join/{token}");
        Assert.Equal(AcceptStaffInvitation.NotOpen, used.QuerySelector("main [role=alert]")!.TextContent.Trim());
        Assert.Null(used.QuerySelector("main form"));
    }

    [Fact]
    public async Task Someone_signed_in_with_another_address_is_told_so_and_cannot_join()
    {
        var (_, token) = await ClinicStaffApiTests.CreateClinicAsync(factory, InnerAllyFactory.NewEmail());
        var stranger = await PageBrowser.RegisterAsync(factory);

        var page = await stranger.OpenAsync($"/clinic/join/{token}");

        Assert.Equal(AcceptStaffInvitation.OtherAddress, page.QuerySelector("main [role=alert]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains("not on a clinic's staff", (await stranger.OpenAsync("/clinic")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_invites_from_the_staff_page_sees_the_link_once_and_a_mistake_is_shown_beside_its_field()
    {
        var (admin, slug) = await AdminOfNewClinicAsync();
        var url = $"/clinic/{slug}/staff";

        var bad = await admin.SubmitAsync(url, new Dictionary<string, string> { ["Input.Email"] = "jo at example" }, "main form[action*='Invite']");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await PageBrowser.ParseAsync(bad);
        Assert.Equal(InviteStaff.EmailNeeded, PageBrowser.FieldError(badPage, "invite-email"));
        Assert.Null(badPage.QuerySelector("#invitations-heading"));

        var good = await admin.SubmitAsync(url, new Dictionary<string, string> { ["Input.Email"] = "jo@example.org", ["Input.DisplayName"] = "Dr Jo Park" }, "main form[action*='Invite']");
        var goodPage = await PageBrowser.ParseAsync(good);
        var link = goodPage.QuerySelector(".invite-link code")!.TextContent;
        Assert.StartsWith("/clinic/join/", link, StringComparison.Ordinal);
        Assert.Contains("Dr Jo Park", goodPage.QuerySelector("#invitations-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var later = await admin.OpenAsync(url);
        Assert.Null(later.QuerySelector(".invite-link"));
        Assert.DoesNotContain(link, later.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_details_page_saves_what_is_right_and_keeps_what_was_saved_when_something_is_wrong()
    {
        var (admin, slug) = await AdminOfNewClinicAsync();
        var url = $"/clinic/{slug}/details";

        var bad = await admin.SubmitAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Quay Therapy", ["Input.TimeZone"] = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(UpdateClinicDetails.TimeZoneNeeded, PageBrowser.FieldError(await PageBrowser.ParseAsync(bad), "time-zone"));
        Assert.Equal("Europe/London", (await admin.OpenAsync(url)).QuerySelector("#time-zone option[selected]")!.GetAttribute("value"));

        var good = await admin.SubmitAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Quay Therapy", ["Input.TimeZone"] = "Asia/Tokyo", ["Input.ContactPhone"] = "+44 20 7946 0000" });
        PageBrowser.AssertRedirectsTo(good, $"/clinic/{slug}/staff");
        var staff = await admin.OpenAsync($"/clinic/{slug}/staff");
        Assert.Equal("Quay Therapy", staff.QuerySelector("main h1")!.TextContent);
        Assert.Contains("Asia/Tokyo", staff.QuerySelector("main .lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_person_finds_no_staff_or_details_page_for_the_clinic()
    {
        var (_, slug) = await AdminOfNewClinicAsync();
        var (otherAdmin, _) = await AdminOfNewClinicAsync();
        var stranger = await PageBrowser.RegisterAsync(factory);

        foreach (var browser in new[] { stranger, otherAdmin })
        {
            Assert.Equal(HttpStatusCode.NotFound, await browser.StatusOfAsync($"/clinic/{slug}/staff"));
            Assert.Equal(HttpStatusCode.NotFound, await browser.StatusOfAsync($"/clinic/{slug}/details"));
        }
    }
}
