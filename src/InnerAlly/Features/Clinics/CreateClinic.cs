namespace InnerAlly.Features.Clinics;

/// <summary>
/// The create-clinic verb: a new clinic, and a one-time link (24 hours) for its first admin. With
/// email on, the link is also sent; without it, the printed link is the only way in.
/// </summary>
public static class CreateClinic
{
    public sealed record Request(string? Name, string? AdminEmail, string? Slug, string? TimeZone);

    public sealed record Result(Clinic Clinic, string JoinPath, Uri? JoinLink, bool Emailed)
    {
        public override string ToString() => $"""
            Clinic "{Clinic.Name}" is ready (short name: {Clinic.Slug}).
            Its first admin joins with this link, once, within 24 hours, signed in with the address it was made for:
              {JoinLink?.ToString() ?? JoinPath + "   (beneath the address InnerAlly is served at; set App:PublicUrl for a whole link)"}
            {(Emailed ? "The link was also sent by email." : "Email is not set up, so this link is the only way in: keep it safe.")}
            """;
    }

    /// <summary>What is wrong with the request, by option name; empty when it can be made.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProblemsAsync(Request request, AppDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > Clinic.NameMaxLength)
        {
            problems["name"] = "Give the clinic a name of up to 120 characters.";
        }

        if (string.IsNullOrWhiteSpace(request.AdminEmail) || !new EmailAddressAttribute().IsValid(request.AdminEmail.Trim()) || request.AdminEmail.Length > Clinic.EmailMaxLength)
        {
            problems["admin-email"] = "Give the first admin's email address, like sam@example.org.";
        }

        if (request.TimeZone is not null && TimeZones.Normalize(request.TimeZone) is null)
        {
            problems["time-zone"] = $"'{request.TimeZone}' is not a time zone this server knows; use an IANA name such as Europe/London.";
        }

        if (request.Slug is not null && !ClinicSlugs.IsWellFormed(request.Slug))
        {
            problems["slug"] = "A short name is 2 to 60 lower-case letters, digits and single hyphens, like harbour-therapy.";
        }
        else if (request.Slug is not null && await db.Clinics.AnyAsync(c => c.Slug == request.Slug, cancellationToken))
        {
            problems["slug"] = $"Another clinic already has the short name '{request.Slug}'.";
        }
        else if (request.Slug is null && request.Name is { } name && !string.IsNullOrWhiteSpace(name) && ClinicSlugs.FromName(name) is null)
        {
            problems["slug"] = "The name has no letters or digits to make a short name from; give one with --slug.";
        }

        return problems;
    }

    public static async Task<Result> HandleAsync(Request request, AppDbContext db, StaffInvitationMail mail, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slug = request.Slug ?? await FreeSlugAsync(ClinicSlugs.FromName(request.Name!)!, db, cancellationToken);
        var clinic = Clinic.Create(slug, new Clinic.Details(request.Name!, TimeZones.Normalize(request.TimeZone ?? "UTC")!, null, null), now);
        var (invitation, token) = StaffInvitation.Create(
            clinic.Id, request.AdminEmail!, null, new StaffInvitation.Roles(Admin: true, Therapist: false), invitedBy: null, now, StaffInvitation.FirstAdminLifetime);
        db.Clinics.Add(clinic);
        db.StaffInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var emailed = await mail.SendAsync(invitation, clinic.Name, token, cancellationToken);
        return new Result(clinic, StaffInvitationMail.PathFor(token), mail.LinkFor(token), emailed);
    }

    /// <summary>The verb: options from the command line, problems to stderr with exit code 2.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var request = new Request(options.GetValueOrDefault("name"), options.GetValueOrDefault("admin-email"), options.GetValueOrDefault("slug"), options.GetValueOrDefault("time-zone"));
        var problems = await ProblemsAsync(request, db, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var (option, problem) in problems)
            {
                await errors.WriteLineAsync($"--{option}: {problem}");
            }

            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var result = await HandleAsync(request, db, scope.ServiceProvider.GetRequiredService<StaffInvitationMail>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        await output.WriteLineAsync(result.ToString());
        return 0;
    }

    public const string Usage = """
        Usage: InnerAlly create-clinic --name "Harbour Therapy" --admin-email sam@example.org [--slug harbour-therapy] [--time-zone Europe/London]
        """;

    private static async Task<string> FreeSlugAsync(string wanted, AppDbContext db, CancellationToken cancellationToken)
    {
        var taken = await db.Clinics.Where(c => c.Slug == wanted || c.Slug.StartsWith(wanted + "-")).Select(c => c.Slug).ToListAsync(cancellationToken);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++)
        {
            var suffix = $"-{n}";
            slug = wanted[..Math.Min(wanted.Length, Clinic.SlugMaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return slug;
    }
}
