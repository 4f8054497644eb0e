using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace InnerAlly.Tests.Features.Account;

/// <summary>The app with email turned on: messages land as .eml files in a folder of their own.</summary>
public sealed class EmailFactory : InnerAllyFactory
{
    public EmailFactory()
    {
        Settings = new Dictionary<string, string?> { ["Email:PickupDirectory"] = PickupDirectory, ["App:PublicUrl"] = EmailFactory.PublicUrl };
    }

    /// <summary>Where email links point: the public address, whatever Host a request carried.</summary>
    public const string PublicUrl = "https://innerally.example";

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "innerally-mail", Guid.NewGuid().ToString("N"));

    /// <summary>The link in the newest message to <paramref name="email"/> whose path is <paramref name="path"/>, as a local URL.</summary>
    public string LinkSentTo(string email, string path) => new Uri(AbsoluteLinkSentTo(email, path)).PathAndQuery;

    /// <summary>The same link as it stands in the email, with its scheme and host.</summary>
    public string AbsoluteLinkSentTo(string email, string path)
    {
        var messages = Directory.Exists(PickupDirectory) ? Directory.GetFiles(PickupDirectory, "*.eml") : [];
        foreach (var file in messages.OrderByDescending(f => f, StringComparer.Ordinal))
        {
            var message = MimeMessage.Load(file);
            if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var word in (message.TextBody ?? string.Empty).Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Uri.TryCreate(word, UriKind.Absolute, out var uri) && uri.AbsolutePath == path)
                {
                    return word;
                }
            }
        }

        throw new InvalidOperationException($"No message to {email} with a link to {path}.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}

/// <summary>The app on a clock the test moves by hand.</summary>
public sealed class ClockFactory : InnerAllyFactory
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
