using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.Demo;

/// <summary>
/// The seed-demo verb: a demo account with 90 days of plausible check-ins, for showing the app
/// and for trying it by hand. Running it again resets the account (password, confirmation,
/// lockout, two-factor) and replaces its check-ins, so it never duplicates them.
/// </summary>
public static class SeedDemo
{
    public const string Email = "demo@innerally.local";

    /// <summary>Public on purpose: the README quotes it. Passes the password policy (12+ characters, zxcvbn 2+).</summary>
    public const string Password = "gentle harbour evening tide";

    public const int Days = 90;

    /// <summary>The same seed gives the same story every time, shifted to end today.</summary>
    private const int Seed = 20261125;

    private const int BatchSize = 50;

    public sealed record Result(Guid UserId, int CheckIns, int Replaced)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"""
            Demo account ready: {CheckIns} check-ins over the last {Days} days{(Replaced > 0 ? $" (replacing {Replaced} from before)" : "")}.
              Email:    {Email}
              Password: {Password}
            """);
    }

    public static async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        (await SeedAsync(services, cancellationToken)).ToString();

    public static async Task<Result> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var user = await PrepareAccountAsync(users, now);

        var old = await db.CheckIns.Where(c => c.UserId == user.Id).ToListAsync(cancellationToken);
        db.CheckIns.RemoveRange(old);

        var story = Generate(user.Id, now, LoadNotes(), scope.ServiceProvider.GetRequiredService<EmotionCatalog>());
        // The first batch also carries the removals, so no moment shows both sets together.
        foreach (var batch in story.Chunk(BatchSize))
        {
            db.CheckIns.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (story.Count == 0 && old.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Result(user.Id, story.Count, old.Count);
    }

    private static async Task<User> PrepareAccountAsync(UserManager<User> users, DateTime now)
    {
        var user = await users.FindByEmailAsync(Email);
        if (user is null)
        {
            user = new User
            {
                UserName = Email,
                Email = Email,
                EmailConfirmed = true,
                CreatedAt = now.AddDays(-Days),
            };
            Check(await users.CreateAsync(user, Password), "create the demo account");
            return user;
        }

        // Someone trying the demo may have changed its password, locked it or turned on 2FA.
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.TwoFactorEnabled = false;
        Check(await users.UpdateAsync(user), "refresh the demo account");
        if (!await users.CheckPasswordAsync(user, Password))
        {
            Check(await users.RemovePasswordAsync(user), "reset the demo password");
            Check(await users.AddPasswordAsync(user, Password), "reset the demo password");
        }

        return user;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>
    /// A gentle story: threat eases and soothe grows over the 90 days, drive follows the working
    /// week, every reading has some noise, and a few hard days stand out. Zero to two check-ins a
    /// day, some days missed, all of them in the past.
    /// </summary>
    internal static List<CheckIn> Generate(Guid userId, DateTime now, IReadOnlyList<string> notes, EmotionCatalog catalog)
    {
        var random = new Random(Seed);
        var today = now.Date;
        var threatWords = catalog.System("threat").Emotions;
        var driveWords = catalog.System("drive").Emotions;
        var sootheWords = catalog.System("soothe").Emotions;
        var checkIns = new List<CheckIn>();

        for (var daysAgo = Days - 1; daysAgo >= 0; daysAgo--)
        {
            var day = today.AddDays(-daysAgo);
            var progress = (double)(Days - 1 - daysAgo) / (Days - 1);
            var roll = random.NextDouble();
            var count = roll < 0.15 ? 0 : roll < 0.68 ? 1 : 2;
            var hardDay = random.NextDouble() < 0.08;

            for (var i = 0; i < count; i++)
            {
                // One check-in lands morning or evening; two are one of each.
                var evening = count == 2 ? i == 1 : random.NextDouble() < 0.5;
                var minutes = evening ? random.Next(19 * 60, (22 * 60) + 30) : random.Next((7 * 60) + 30, 10 * 60);
                var recordedAt = day.AddMinutes(minutes).AddSeconds(random.Next(60));
                if (recordedAt >= now)
                {
                    continue;
                }

                var threat = Rating((6.4 - (3.0 * progress)) - (evening ? 0.4 : 0) + (hardDay ? 2.5 : 0) + Noise(random, 1.3));
                var drive = Rating(DriveByDay(day.DayOfWeek) + (evening ? -0.6 : 0.4) + Noise(random, 1.0));
                var soothe = Rating((2.6 + (3.4 * progress)) + (evening ? 0.6 : 0) - (hardDay ? 1.5 : 0) + Noise(random, 1.2));

                var emotions = new List<string>();
                AddEmotions(random, emotions, threatWords, threat);
                AddEmotions(random, emotions, driveWords, drive);
                AddEmotions(random, emotions, sootheWords, soothe);

                var note = notes.Count > 0 && random.NextDouble() < 1.0 / 6 ? notes[random.Next(notes.Count)] : null;
                checkIns.Add(CheckIn.Record(userId, recordedAt, threat, drive, soothe, emotions, note, catalog));
            }
        }

        return checkIns;
    }

    /// <summary>Busier early in the working week, quieter at the weekend.</summary>
    private static double DriveByDay(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 6.8,
        DayOfWeek.Tuesday => 6.5,
        DayOfWeek.Wednesday => 6.2,
        DayOfWeek.Thursday => 5.9,
        DayOfWeek.Friday => 5.3,
        DayOfWeek.Saturday => 3.8,
        _ => 3.4,
    };

    /// <summary>A stronger system is more likely to have a word chosen for it, and sometimes two.</summary>
    private static void AddEmotions(Random random, List<string> chosen, IReadOnlyList<EmotionCatalog.Emotion> words, int rating)
    {
        if (random.NextDouble() < rating / 12.0)
        {
            chosen.Add(words[random.Next(words.Count)].Id);
            if (rating >= 8 && random.NextDouble() < 0.5)
            {
                chosen.Add(words[random.Next(words.Count)].Id);
            }
        }
    }

    private static int Rating(double value) => (int)Math.Clamp(Math.Round(value), CheckIn.MinRating, CheckIn.MaxRating);

    /// <summary>Normally distributed noise (Box-Muller).</summary>
    private static double Noise(Random random, double standardDeviation) =>
        standardDeviation * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    /// <summary>The made-up notes the demo's check-ins carry; read as the app starts too, like every content file.</summary>
    internal static IReadOnlyList<string> LoadNotes() => ContentFiles.Read<DemoContent>("Demo", "demo.json", static (file, path) =>
    {
        if (file.Notes is not { Count: > 0 })
        {
            throw new InvalidDataException($"{path} has no notes.");
        }
    }).Notes;

    private sealed record DemoContent(IReadOnlyList<string> Notes);
}
