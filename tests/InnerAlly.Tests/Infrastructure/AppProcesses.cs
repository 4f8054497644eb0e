namespace InnerAlly.Tests.Infrastructure;

/// <summary>
/// Tests that start the app as its own process run one at a time: each process takes a core
/// while it starts, and the machine has two.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class AppProcesses
{
    public const string Collection = "App processes";
}
