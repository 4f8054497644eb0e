namespace InnerAlly.Features.Account;

/// <summary>One labelled input with its hint and its message, rendered by _AccountField.cshtml.</summary>
public sealed record AccountField(string Name, string Id, string Label)
{
    public string Type { get; init; } = "text";

    public string? Value { get; init; }

    public string? Hint { get; init; }

    public string? Autocomplete { get; init; }

    public string? InputMode { get; init; }

    /// <summary>For codes and addresses: no capitals, no spelling suggestions.</summary>
    public bool Literal { get; init; }

    public bool Autofocus { get; init; }

    /// <summary>False for a field that may be left empty.</summary>
    public bool Required { get; init; } = true;
}
