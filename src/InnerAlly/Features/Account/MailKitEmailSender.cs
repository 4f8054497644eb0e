using System.Net;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InnerAlly.Features.Account;

/// <summary>
/// Account emails through MailKit. Subjects stay neutral: someone else may see the inbox, and
/// using a mental-health app is the person's own business.
/// </summary>
public sealed partial class MailKitEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<MailKitEmailSender> logger) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email address",
            "Hello,\n\nPlease confirm this email address so you can sign in to InnerAlly:\n\n" +
            $"{WebUtility.HtmlDecode(confirmationLink)}\n\nIf you did not ask for this, you can ignore this message.");

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        SendAsync(email, "Resetting your password",
            "Hello,\n\nYou asked to choose a new password for InnerAlly. You can do that here:\n\n" +
            $"{WebUtility.HtmlDecode(resetLink)}\n\nIf you did not ask for this, you can ignore this message; your password stays the same.");

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        SendAsync(email, "Resetting your password",
            "Hello,\n\nYou asked to choose a new password for InnerAlly. Your reset code is:\n\n" +
            $"{WebUtility.HtmlDecode(resetCode)}\n\nIf you did not ask for this, you can ignore this message; your password stays the same.");

    private async Task SendAsync(string to, string subject, string text)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            // Email is off: accounts work without confirmation and no message is owed.
            return;
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
            await message.WriteToAsync(path);
        }
        else
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security);
            if (!string.IsNullOrEmpty(settings.Smtp.Username))
            {
                await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? string.Empty);
            }

            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        Log.Sent(logger, subject);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Sent an account email: {Subject}")]
        public static partial void Sent(ILogger logger, string subject);
    }
}
