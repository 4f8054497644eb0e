using System.Net;

namespace InnerAlly.Features.Account;

/// <summary>
/// Account emails (confirmation, password reset, a sign-up with an address that has an account),
/// sent by <see cref="Mailer"/>. Every link in them comes from App:PublicUrl (<see cref="PublicLinks"/>).
/// </summary>
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

    /// <summary>Someone tried to make an account with an address that has one; its owner hears about it, and nothing changes.</summary>
    public Task SendAlreadyRegisteredAsync(User user, PublicLinks links) =>
        SendAsync(user.Email!, "Your email address was used to sign up",
            "Hello,\n\nSomeone has just tried to make a new InnerAlly account with this email address. " +
            "You already have an account with it, so no new one was made and nothing in yours has changed.\n\n" +
            $"If it was you, welcome back. You can sign in here:\n\n{links.For("/account/login")}\n\n" +
            $"If you no longer know your password, you can choose a new one here:\n\n{links.For("/account/forgot-password")}\n\n" +
            "If it was not you, there is nothing you need to do. Your account stays just as it is, and only you can open it.");

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
