namespace InnerAlly.Features.Account;

/// <summary>
/// Email is off until an SMTP host or a pickup folder is set. While it is off, new accounts
/// work at once; once it is on, a new address is confirmed before first sign-in.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    [Required]
    public string From { get; set; } = "InnerAlly <no-reply@localhost>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Writes each message as an .eml file here instead of sending it (for development).</summary>
    public string? PickupDirectory { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host) || !string.IsNullOrWhiteSpace(PickupDirectory);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>One of MailKit's SecureSocketOptions: Auto, None, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTls;
}
