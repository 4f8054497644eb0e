namespace InnerAlly.Features.Account;

/// <summary>Checks a two-step code or a recovery code against the person's own limit.</summary>
public static class TwoFactorCodes
{
    public static Task<SignInThrottle.PersonCheck> CheckAsync(
        User user, string? code, string? recoveryCode, UserManager<User> users, SignInThrottle throttle, CancellationToken cancellationToken) =>
        throttle.CheckPersonAsync(user.Id, () => VerifyAsync(user, code, recoveryCode, users), cancellationToken);

    /// <summary>The check alone, for a caller that counts it itself as part of a larger try.</summary>
    public static async Task<bool> VerifyAsync(User user, string? code, string? recoveryCode, UserManager<User> users) =>
        !string.IsNullOrEmpty(code)
            ? LoginWith2faModel.SixDigits(code) is { } digits
                && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : !string.IsNullOrEmpty(recoveryCode)
                && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).Succeeded;
}
