using MailKit.Net.Smtp;
using MimeKit;

namespace InnerAlly.Infrastructure;

/// <summary>
/// Sends plain-text email through MailKit: by SMTP, or as .eml files in a pickup folder for
/// development. Does nothing while email is not configured. Subjects stay neutral everywhere:
/// someone else may see the inbox, and using a mental-health app is the person's own business.
/// </summary>
public sealed class Mailer(IOptions<EmailOptions> options, TimeProvider clock)
{
    public bool IsConfigured => options.Value.IsConfigured;

    /// <returns>False when email is off and nothing was sent.</returns>
    public async Task<bool> SendAsync(string to, string subject, string text, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return false;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.Body = new TextPart("plain") { Text = text };

        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
        }
        else
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.Username))
            {
                await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        return true;
    }
}

public static class EmailExtensions
{
    /// <summary>Email is off unless Email:* is configured; its links come from App:PublicUrl alone.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddPublicAddress(configuration);
        services.AddSingleton<Mailer>();
        return services;
    }
}
