using InnerAlly.Features.Clinics;
using InnerAlly.Infrastructure;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Clinics;

/// <summary>InnerAlly create-clinic: its options, what it prints, and what it refuses.</summary>
public sealed class CreateClinicVerbTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var (options, rest) = CommandLine.TakeOptions(args, ["name", "admin-email", "slug", "time-zone"]);
        Assert.Empty(rest);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CreateClinic.RunAsync(factory.Services, options, output, errors, TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void The_verb_s_options_are_taken_out_and_the_host_s_are_left()
    {
        var (options, rest) = CommandLine.TakeOptions(["--name", "Harbour Therapy", "--urls", "http://127.0.0.1:5080", "--admin-email", "sam@example.org"], ["name", "admin-email"]);

        Assert.Equal("Harbour Therapy", options["name"]);
        Assert.Equal("sam@example.org", options["admin-email"]);
        Assert.Equal(["--urls", "http://127.0.0.1:5080"], rest);
        Assert.Contains(CommandLine.CreateClinic, CommandLine.Verbs);
    }

    [Fact]
    public async Task It_prints_the_clinic_and_a_one_time_link_and_says_email_is_off()
    {
        var (code, output, errors) = await RunAsync("--name", "Cedar & Oak Practice", "--admin-email", "lee@example.org", "--time-zone", "Europe/Dublin");

        Assert.Equal(0, code);
        Assert.Empty(errors);
        Assert.Contains("Clinic \"Cedar & Oak Practice\" is ready (short name: cedar-oak-practice", output, StringComparison.Ordinal);
        Assert.Matches(@"/clinic/join/[A-Za-z0-9_-]{43}\s", output);
        Assert.Contains("only way in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_clinic_of_the_same_name_gets_its_own_short_name()
    {
        var name = $"Birch {Guid.NewGuid():N}"[..14];
        var first = await RunAsync("--name", name, "--admin-email", "a@example.org");
        var second = await RunAsync("--name", name, "--admin-email", "b@example.org");

        var slug = ClinicSlugs.FromName(name)!;
        Assert.Contains($"(short name: {slug})", first.Output, StringComparison.Ordinal);
        Assert.Contains($"(short name: {slug}-2)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_wrong_options_are_named_and_nothing_is_made()
    {
        var (code, output, errors) = await RunAsync("--admin-email", "not-an-address", "--slug", "Bad Slug", "--time-zone", "Mars/Olympus");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("--name: Give the clinic a name", errors, StringComparison.Ordinal);
        Assert.Contains("--admin-email: Give the first admin's email address", errors, StringComparison.Ordinal);
        Assert.Contains("--slug: A short name is", errors, StringComparison.Ordinal);
        Assert.Contains("--time-zone: 'Mars/Olympus' is not a time zone", errors, StringComparison.Ordinal);
        Assert.Contains("Usage: InnerAlly create-clinic", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbour Therapy", "harbour-therapy")]
    [InlineData("  Café Ünïcode  Clinic ", "cafe-unicode-clinic")]
    [InlineData("A/B Testing Co.", "a-b-testing-co")]
    [InlineData("心の庭", null)]
    [InlineData("join", null)]
    public void A_short_name_is_made_from_the_name(string name, string? expected) =>
        Assert.Equal(expected, ClinicSlugs.FromName(name));
}
