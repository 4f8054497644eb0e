namespace InnerAlly.Features.Demo;

public static class SeedDemo
{
    public static Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult("todo");
}
