using InnerAlly.Data;
using InnerAlly.Features.Clinics;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Data;

/// <summary>
/// SQLite has one writer. A transaction the app opens itself (BEGIN IMMEDIATE takes the write lock
/// at once) holds the process's write gate from BEGIN to COMMIT, so another request's save queues
/// in the process until the commit, instead of the two meeting in the driver's busy wait.
/// </summary>
public sealed class SqliteWriterTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task A_transaction_holding_the_writer_saves_inside_it_and_other_saves_queue_in_the_process_until_it_commits()
    {
        Assert.SkipWhen(factory.Database.Provider != DatabaseProvider.Sqlite, "SQLite only; PostgreSQL has no single writer.");
        var cancellationToken = TestContext.Current.CancellationToken;
        var now = DateTime.UtcNow;
        var slugs = new[] { $"held-{Guid.NewGuid():N}"[..20], $"queued-{Guid.NewGuid():N}"[..20] };
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var holder = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var other = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var gate = SqliteWriteGate.For(holder.Database.GetConnectionString());
        Assert.Equal(1, gate.CurrentCount);

        var writer = await holder.HoldWriterAsync(cancellationToken);
        Assert.Equal(0, gate.CurrentCount);
        var transaction = await holder.Database.BeginTransactionAsync(cancellationToken);
        holder.Clinics.Add(Clinic.Create(slugs[0], new Clinic.Details("Held", "Europe/London", null, null), now));
        // Its own save does not wait for the gate it holds.
        await holder.SaveChangesAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        other.Clinics.Add(Clinic.Create(slugs[1], new Clinic.Details("Queued", "Europe/London", null, null), now));
        var queued = other.SaveChangesAsync(cancellationToken);
        await Task.Delay(200, cancellationToken);
        Assert.False(queued.IsCompleted);
        Assert.Equal(0, gate.CurrentCount);

        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        await writer.DisposeAsync();
        await writer.DisposeAsync(); // a second release gives nothing back twice
        Assert.Equal(1, await queued.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken));
        Assert.Equal(1, gate.CurrentCount);
        Assert.Equal(2, await other.Clinics.CountAsync(c => slugs.Contains(c.Slug), cancellationToken));
    }
}
