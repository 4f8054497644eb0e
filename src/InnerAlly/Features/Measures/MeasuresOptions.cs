namespace InnerAlly.Features.Measures;

/// <summary>Where a clinic keeps definitions of the instruments it holds permission for (Measures:InstrumentsFolder).</summary>
public sealed class MeasuresOptions : IValidatableObject
{
    public const string SectionName = "Measures";

    /// <summary>A folder of definition files in the form of Content/Instruments; each adds an instrument.</summary>
    public string? InstrumentsFolder { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(InstrumentsFolder) && !Directory.Exists(InstrumentsFolder))
        {
            yield return new ValidationResult($"Measures:InstrumentsFolder is set to '{InstrumentsFolder}', which is not a folder this app can see.", [nameof(InstrumentsFolder)]);
        }
    }
}
