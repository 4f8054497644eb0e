using System.Text.Json;

namespace InnerAlly.Features.Safety;

/// <summary>What each step of the safety plan is for, in plain words (Content/Safety/safety-plan.json); one for the app (SafetyFeature.AddSafety).</summary>
public sealed class SafetyPlanGuide
{
    private readonly GuideFile _loaded = SafetyContent.Read<GuideFile>("safety-plan.json", static (file, path) =>
    {
        var expected = SafetyPlan.StepNames.Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        if (!file.Steps.Select(s => s.Field).SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{path} must explain the steps {string.Join(", ", expected)}, in that order.");
        }
    });

    /// <param name="Field">The step's name in the API ("warningSigns").</param>
    public sealed record PlanStep(string Field, string Title, string Explanation, string Example)
    {
        /// <summary>The form field's name and the model state key ("Input.WarningSigns").</summary>
        public string InputName => "Input." + char.ToUpperInvariant(Field[0]) + Field[1..];

        /// <summary>An id for the page ("plan-warningSigns").</summary>
        public string Id => "plan-" + Field;
    }

    public string Intro => _loaded.Intro;

    /// <summary>The six steps and what matters most, in the same order as <see cref="SafetyPlan.Steps.All"/>.</summary>
    public IReadOnlyList<PlanStep> Steps => _loaded.Steps;

    /// <summary>How many of <see cref="Steps"/> are numbered; the last one, what matters most, stands on its own.</summary>
    public const int NumberedSteps = 6;

    private sealed record GuideFile(string Intro, IReadOnlyList<PlanStep> Steps);
}
