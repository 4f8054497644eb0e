using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>
/// The real app served by Kestrel on a free loopback port, so a real browser can reach it. It is the
/// HTTP tests' host (same settings, same SQLite-or-PostgreSQL database) with one change: a clock the
/// tests can wind forward, so a history of many days can be recorded through the API.
/// </summary>
public sealed class ServedApp : InnerAllyFactory
{
    public ServedApp()
    {
        UseKestrel(0);
    }

    public WoundClock Clock { get; } = new();

    /// <summary>Where the browser finds the app, for example http://127.0.0.1:40123.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task StartAsync()
    {
        await InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        // Kestrel reports the port it was given; browsers treat 127.0.0.1 and localhost alike here.
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>
/// The system clock plus an offset that only ever grows. It starts in the past and is wound forward
/// day by day while a history is recorded, ending at the real time before any test runs; moving only
/// forward keeps sign-in tokens and data-protection keys (made at start) valid throughout.
/// </summary>
public sealed class WoundClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void StartAt(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);

    public void WindForward(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
