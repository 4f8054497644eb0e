namespace InnerAlly.Features.Messages;

public static class MessagesFeature
{
    /// <summary>Secure messages between a client and their therapist, one thread per care relationship.</summary>
    public static IServiceCollection AddMessages(this IServiceCollection services) => services.AddScoped<MessageMail>();
}
