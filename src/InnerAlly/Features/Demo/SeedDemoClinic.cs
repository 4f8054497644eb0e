using InnerAlly.Features.CareTeam;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Clinics;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Practices;

namespace InnerAlly.Features.Demo;

/// <summary>
/// The seed-demo-clinic verb: a demo clinic whose therapist has clients who share everything, to
/// try the therapist's side by hand and to measure the caseload (bench/caseload.sh). Each client
/// has a check-in every day, a PHQ-9 or GAD-7 every two weeks or so and practice sessions spread
/// over the days, and one client in ten a safety notice a few days ago. Running it again replaces the demo clinic and its clients.
/// </summary>
public static class SeedDemoClinic
{
    public const string Slug = "demo-clinic";
    public const string TherapistEmail = "therapist@innerally.local";

    /// <summary>client-1@innerally.local, client-2@innerally.local, ...</summary>
    public static string ClientEmail(int n) => $"client-{n.ToString(CultureInfo.InvariantCulture)}@innerally.local";

    public static bool IsDemoEmail(string? email) =>
        email == TherapistEmail || (email is not null && email.StartsWith("client-", StringComparison.Ordinal) && email.EndsWith("@innerally.local", StringComparison.Ordinal)
            && int.TryParse(email["client-".Length..^"@innerally.local".Length], NumberStyles.None, CultureInfo.InvariantCulture, out _));

    /// <summary>Public on purpose: the README quotes it. Only the demo clinic's accounts may use it.</summary>
    public const string Password = "slow river under copper lanterns";

    private const int Seed = 20261203;

    public sealed record Options(int Clients = 12, int Days = 90, int Questionnaires = 6, int Practices = 40);

    public static async Task<string> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> given, CancellationToken cancellationToken)
    {
        static int Read(IReadOnlyDictionary<string, string> given, string name, int fallback, int max) =>
            given.TryGetValue(name, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value is > 0 && value <= max
                ? value
                : given.ContainsKey(name) ? throw new ArgumentException($"--{name} takes a whole number from 1 to {max}.") : fallback;
        var options = new Options(Read(given, "clients", 12, 500), Read(given, "days", 90, 1000), Read(given, "questionnaires", 6, 100), Read(given, "practices", 40, 1000));
        var clients = await SeedAsync(services, options, cancellationToken);
        return $"""
            Demo clinic ready: {clients} clients, each with {options.Days} days of check-ins, {options.Questionnaires} questionnaires and {options.Practices} practice sessions, all shared.
              Therapist: {TherapistEmail}
              Clients:   {ClientEmail(1)} to {ClientEmail(clients)}
              Password:  {Password}
            """;
    }

    public static async Task<int> SeedAsync(IServiceProvider services, Options options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var emotions = scope.ServiceProvider.GetRequiredService<EmotionCatalog>();
        var instruments = scope.ServiceProvider.GetRequiredService<InstrumentCatalog>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var random = new Random(Seed);

        await db.Clinics.Where(c => c.Slug == Slug).ExecuteDeleteAsync(cancellationToken);
        var clinic = Clinic.Create(Slug, new Clinic.Details("Demo clinic", "Europe/London", null, null), now);
        db.Clinics.Add(clinic);
        var therapistUser = await AccountAsync(users, TherapistEmail, now);
        var therapist = StaffMember.Join(clinic.Id, therapistUser.Id, "Dr Demo Therapist", new StaffInvitation.Roles(Admin: true, Therapist: true), now);
        db.StaffMembers.Add(therapist);
        await db.SaveChangesAsync(cancellationToken);

        var practices = scope.ServiceProvider.GetRequiredService<PracticeCatalog>();
        var practiceIds = practices.All.Select(p => p.Id).ToArray();
        for (var n = 1; n <= options.Clients; n++)
        {
            var user = await AccountAsync(users, ClientEmail(n), now);
            await db.CheckIns.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.PracticeSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.MeasureResponses.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.SafetyNoticeRecords.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            var relationship = CareRelationship.Start(user.Id, clinic.Id, therapist.Id, therapist.DisplayName, $"Client {n}", now.AddDays(-options.Days));
            db.CareRelationships.Add(relationship);
            db.SharingChoices.AddRange(SharingCategories.All.Select(c => SharingChoice.TurnOn(relationship.Id, c.Key, includesEarlier: true, now)));

            var ease = random.NextDouble() * 3;
            for (var day = options.Days - 1; day >= 0; day--)
            {
                var at = now.Date.AddDays(-day).AddHours(8 + random.Next(12)).AddMinutes(random.Next(60));
                var progress = 1 - ((double)day / options.Days);
                db.CheckIns.Add(CheckIn.Record(user.Id, at < now ? at : now.AddMinutes(-1),
                    Clamp(6.5 - (ease * progress) + (random.NextDouble() * 2) - 1), Clamp(4 + (random.NextDouble() * 3) - 1.5), Clamp(3 + (ease * progress) + (random.NextDouble() * 2) - 1),
                    [], random.NextDouble() < 0.3 ? "A slower evening than yesterday." : null, emotions));
            }

            for (var i = 0; i < options.Practices; i++)
            {
                var started = now.AddDays(-random.NextDouble() * options.Days);
                db.PracticeSessions.Add(PracticeSession.Record(user.Id, practiceIds[random.Next(practiceIds.Length)], started, 120 + random.Next(900),
                    new PracticeSession.Ratings(Clamp(5 + (random.NextDouble() * 3)), Clamp(3 + random.NextDouble())), new PracticeSession.Ratings(Clamp(3 + (random.NextDouble() * 3)), Clamp(5 + random.NextDouble())), null, started, practices));
            }

            for (var i = 0; i < options.Questionnaires; i++)
            {
                var instrument = instruments.Find(i % 2 == 0 ? "phq9" : "gad7")!;
                var at = now.AddDays(-options.Days + ((double)options.Days * (i + 1) / (options.Questionnaires + 1)));
                var level = Math.Max(0, 2.2 - (ease * i / options.Questionnaires));
                var response = MeasureResponse.Start(user.Id, instrument.Code, at);
                response.Finish(instrument.Items.ToDictionary(item => item.Id, item => (int?)Math.Clamp((int)Math.Round(level + (random.NextDouble() - 0.5)), 0, item.Id == "9" ? 0 : 3)), at);
                db.MeasureResponses.Add(response);
            }

            if (n % 10 == 0)
            {
                // One client in ten had the support notice appear after a journal entry a few days ago.
                db.SafetyNoticeRecords.Add(SafetyNoticeRecord.Noted(user.Id, "journal", now.AddDays(-1 - random.Next(5))));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return options.Clients;
    }

    private static int Clamp(double value) => Math.Clamp((int)Math.Round(value), CheckIn.MinRating, CheckIn.MaxRating);

    private static async Task<User> AccountAsync(UserManager<User> users, string email, DateTime now)
    {
        if (await users.FindByEmailAsync(email) is { } found)
        {
            return found;
        }

        var user = new User { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now };
        var created = await users.CreateAsync(user, Password);
        return created.Succeeded ? user : throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
    }
}
