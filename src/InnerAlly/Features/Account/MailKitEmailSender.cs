using System.Net;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace InnerAlly.Features.Account;

/// <summary>Account emails (confirmation, password reset), sent by <see cref="Mailer"/>.</summary>
public sealed partial class MailKitEmailSender(Mailer mailer, ILogger<MailKitEmailSender> logger) : IEmailSender<User>
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
        // With email off, accounts work without confirmation and no message is owed.
        if (await mailer.SendAsync(to, subject, text))
        {
            Log.Sent(logger, subject);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Sent an account email: {Subject}")]
        public static partial void Sent(ILogger logger, string subject);
    }
}
