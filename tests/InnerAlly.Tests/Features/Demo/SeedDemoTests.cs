using System.Net;
using System.Net.Http.Json;
using InnerAlly.Features.Account;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Demo;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Demo;

/// <summary>The demo account's story and what running seed-demo again does to it.</summary>
public sealed class SeedDemoTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Running_it_again_replaces_the_check_ins_instead_of_adding_more()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = await SeedDemo.SeedAsync(factory.Services, cancellationToken);
        var firstIds = factory.WithDb(db => db.CheckIns.Where(c => c.UserId == first.UserId).Select(c => c.Id).ToList());

        var second = await SeedDemo.SeedAsync(factory.Services, cancellationToken);

        Assert.Equal(first.UserId, second.UserId);
        Assert.Equal(first.CheckIns, second.Replaced);
        var secondIds = factory.WithDb(db => db.CheckIns.Where(c => c.UserId == second.UserId).Select(c => c.Id).ToList());
        Assert.Equal(second.CheckIns, secondIds.Count);
        Assert.Empty(secondIds.Intersect(firstIds));
        Assert.Contains("replacing", second.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_it_again_restores_the_password_and_unlocks_the_account()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await SeedDemo.SeedAsync(factory.Services, cancellationToken);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var demo = (await users.FindByEmailAsync(SeedDemo.Email))!;
            await users.ChangePasswordAsync(demo, SeedDemo.Password, "someone changed it to this one");
            await users.SetLockoutEndDateAsync(demo, DateTimeOffset.UtcNow.AddHours(1));
        }

        var client = factory.CreateClient();
        var locked = await client.PostAsJsonAsync("/api/v1/account/login", new { email = SeedDemo.Email, password = SeedDemo.Password }, cancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);

        await SeedDemo.SeedAsync(factory.Services, cancellationToken);

        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email = SeedDemo.Email, password = SeedDemo.Password }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_story_eases_threat_grows_soothe_and_follows_the_working_week()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var result = await SeedDemo.SeedAsync(factory.Services, cancellationToken);
        var now = DateTime.UtcNow;
        var checkIns = factory.WithDb(db => db.CheckIns.AsNoTracking().Where(c => c.UserId == result.UserId).ToList());

        var early = checkIns.Where(c => c.RecordedAt < now.AddDays(-60)).ToList();
        var late = checkIns.Where(c => c.RecordedAt >= now.AddDays(-30)).ToList();
        Assert.True(early.Average(c => c.Threat) > late.Average(c => c.Threat) + 1, "Threat should ease.");
        Assert.True(late.Average(c => c.Soothe) > early.Average(c => c.Soothe) + 1, "Soothe should grow.");

        var weekdays = checkIns.Where(c => c.RecordedAt.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday).Average(c => c.Drive);
        var weekends = checkIns.Where(c => c.RecordedAt.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(c => c.Drive);
        Assert.True(weekdays > weekends + 1, $"Drive should be higher in the week ({weekdays:F1}) than at weekends ({weekends:F1}).");

        Assert.All(checkIns, c => Assert.True(c.Emotions.All(factory.Services.GetRequiredService<EmotionCatalog>().IsKnown)));
        Assert.InRange(checkIns.Count(c => c.Note is not null), 5, checkIns.Count / 3);
        Assert.True(checkIns.Select(c => (c.Threat, c.Drive, c.Soothe)).Distinct().Count() > checkIns.Count / 2, "Readings should vary.");
    }
}
