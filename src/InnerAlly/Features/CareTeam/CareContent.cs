using InnerAlly.Features.Learn;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Practices;

namespace InnerAlly.Features.CareTeam;

/// <summary>The catalogues the therapist's pages and the client's preview name things from: questionnaires, practices, lessons, the safety plan's steps, feelings and the writing's own words.</summary>
public sealed record CareContent(
    InstrumentCatalog Instruments, PracticeCatalog Practices, LessonCatalog Lessons, SafetyPlanGuide PlanGuide, CheckIns.EmotionCatalog Emotions, Writing.WritingContent Writing);
