namespace InnerAlly.Features.Safety;

/// <summary>Reads the safety feature's data files from Content/Safety, which operators and clinicians can review and edit.</summary>
internal static class SafetyContent
{
    /// <param name="check">Throws <see cref="InvalidDataException"/> (given the path) when the file is readable but wrong.</param>
    public static T Read<T>(string fileName, Action<T, string>? check = null)
        where T : class => ContentFiles.Read("Safety", fileName, check);
}
