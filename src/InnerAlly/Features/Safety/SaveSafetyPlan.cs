using System.Text.Json.Serialization;

namespace InnerAlly.Features.Safety;

/// <summary>Reads and replaces the signed-in person's own safety plan; called by the pages and the API alike.</summary>
public static class SaveSafetyPlan
{
    public const string TooLong = "A step can hold up to 4,000 characters, and this one is longer. Nothing was saved; shorten it and save again.";

    /// <summary>Every step is optional; one left out or empty is cleared. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class Request
    {
        /// <summary>1. Thoughts, images, moods or situations that tell you a crisis may be coming.</summary>
        [StringLength(SafetyPlan.StepMaxLength, ErrorMessage = TooLong)]
        public string? WarningSigns { get; set; }

        /// <summary>2. Things you can do on your own to take your mind off things.</summary>
        [StringLength(SafetyPlan.StepMaxLength, ErrorMessage = TooLong)]
        public string? CopingOnMyOwn { get; set; }

        /// <summary>3. People and places that help you feel better or take your mind off things.</summary>
        [StringLength(SafetyPlan.StepMaxLength, ErrorMessage = TooLong)]
        public string? PeopleAndPlaces { get; set; }

        /// <summary>4. People you can ask for help, and how to reach them.</summary>
        [StringLength(SafetyPlan.StepMaxLength, ErrorMessage = TooLong)]
        public string? PeopleToAsk { get; set; }

        /// <summary>5. Professionals and services you can contact in a crisis.</summary>
        [StringLength(SafetyPlan.StepMaxLength, ErrorMessage = TooLong)]
        public string? Professionals { get; set; }

        /// <summary>6. Making your surroundings safer.</summary>
        [StringLength(SafetyPlan.StepMaxLength, ErrorMessage = TooLong)]
        public string? SaferSurroundings { get; set; }

        /// <summary>What matters most to you and is worth living for.</summary>
        [StringLength(SafetyPlan.StepMaxLength, ErrorMessage = TooLong)]
        public string? MattersMost { get; set; }

        public SafetyPlan.Steps ToSteps() => new(WarningSigns, CopingOnMyOwn, PeopleAndPlaces, PeopleToAsk, Professionals, SaferSurroundings, MattersMost);

        public static Request From(SafetyPlan.Steps steps) => new()
        {
            WarningSigns = steps.WarningSigns,
            CopingOnMyOwn = steps.CopingOnMyOwn,
            PeopleAndPlaces = steps.PeopleAndPlaces,
            PeopleToAsk = steps.PeopleToAsk,
            Professionals = steps.Professionals,
            SaferSurroundings = steps.SaferSurroundings,
            MattersMost = steps.MattersMost,
        };
    }

    /// <summary>The plan as written; every step null and <paramref name="UpdatedAt"/> null before the first save.</summary>
    public sealed record Response(
        string? WarningSigns, string? CopingOnMyOwn, string? PeopleAndPlaces, string? PeopleToAsk,
        string? Professionals, string? SaferSurroundings, string? MattersMost, DateTime? UpdatedAt)
    {
        public static Response From(SafetyPlan? plan)
        {
            var steps = plan?.Written ?? SafetyPlan.Steps.Empty;
            return new(steps.WarningSigns, steps.CopingOnMyOwn, steps.PeopleAndPlaces, steps.PeopleToAsk,
                steps.Professionals, steps.SaferSurroundings, steps.MattersMost, plan?.UpdatedAt);
        }

        public SafetyPlan.Steps Steps => new(WarningSigns, CopingOnMyOwn, PeopleAndPlaces, PeopleToAsk, Professionals, SaferSurroundings, MattersMost);

        [JsonIgnore]
        public bool IsEmpty => Steps.All.All(s => s is null);
    }

    /// <summary>The person's own plan; nobody can ask for anyone else's.</summary>
    public static async Task<Response> GetAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        Response.From(await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken));

    /// <summary>Replaces every step of the person's plan, making it the first time.</summary>
    public static async Task<Response> HandleAsync(Request request, Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var plan = await db.SafetyPlans.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (plan is null)
        {
            plan = SafetyPlan.Start(userId);
            db.SafetyPlans.Add(plan);
        }

        plan.Replace(request.ToSteps(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Response.From(plan);
    }
}
