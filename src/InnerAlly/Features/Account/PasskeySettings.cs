namespace InnerAlly.Features.Account;

/// <summary>How passkeys are checked here.</summary>
public static class PasskeySettings
{
    public static IServiceCollection AddPasskeySettings(this IServiceCollection services) =>
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            // A passkey signs in without the authenticator-app step, so it must prove both
            // "this device" and "this person" (fingerprint, face or device PIN), not presence alone.
            o.UserVerificationRequirement = "required";

            // Identity compares the passkey's origin with the request's Origin header by default, but
            // pages here send no referrer, so browsers send "Origin: null" with form posts. The origin
            // the browser signed must be this site's own address: same scheme, host and port.
            o.ValidateOrigin = context => ValueTask.FromResult(IsOwnOrigin(context));
        });

    public static bool IsOwnOrigin(PasskeyOriginValidationContext context)
    {
        var request = context.HttpContext.Request;
        return !context.CrossOrigin
            && string.Equals(context.Origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
