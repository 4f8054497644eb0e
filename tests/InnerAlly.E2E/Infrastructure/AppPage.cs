namespace InnerAlly.E2E.Infrastructure;

/// <summary>The pages every browser check walks through, each opened in the state a person would see it.</summary>
public enum AppPage
{
    /// <summary>/account/login, built on the accounts branch.</summary>
    SignIn,

    /// <summary>/account/register, built on the accounts branch.</summary>
    Register,

    /// <summary>/check-ins/new, empty.</summary>
    CheckIn,

    /// <summary>/check-ins/new after saving with nothing chosen: the messages beside each scale.</summary>
    CheckInWithMessages,

    /// <summary>/check-ins/{id}: the three circles, feelings and note.</summary>
    CheckInDetail,

    /// <summary>/check-ins/{id} right after saving a note the risk check reads as risk: the support notice beneath the saved note.</summary>
    CheckInSupport,

    /// <summary>/check-ins with a check-in on each of the last 30 days: the trend and the list.</summary>
    History,

    /// <summary>/help, signed out.</summary>
    Help,

    /// <summary>/help, signed in with New Zealand chosen as their country: its lines first, and their safety plan.</summary>
    HelpSignedIn,

    /// <summary>/account: signing in, the time zone and the country for crisis lines.</summary>
    Account,

    /// <summary>/account/two-factor before it is on: the three steps, the QR code and the key.</summary>
    TwoFactor,

    /// <summary>/account/passkeys with none yet: what a passkey is and the form to add one.</summary>
    Passkeys,

    /// <summary>/account/sessions with a second sign-in: each one, and ending one or all.</summary>
    Sessions,

    /// <summary>/account/confirm: the password once more before the locks on the account change.</summary>
    ConfirmPassword,

    /// <summary>/safety-plan before anything is written: what a safety plan is, and an invitation.</summary>
    SafetyPlanEmpty,

    /// <summary>/safety-plan with every step written: the plan to read and print, and the lines for the person's country.</summary>
    SafetyPlan,

    /// <summary>/safety-plan/edit: each step explained beside its field.</summary>
    SafetyPlanEdit,

    /// <summary>/practices: the library.</summary>
    PracticeLibrary,

    /// <summary>/practices/soothing-rhythm-breathing: what it is for and its script.</summary>
    Practice,

    /// <summary>/practices/soothing-rhythm-breathing with the guided player started and its pacer moving.</summary>
    PracticePlaying,

    /// <summary>/practices/compassionate-self-meets-the-critic: one of the practices written for issue 15.</summary>
    PracticeMeetingTheCritic,

    /// <summary>/practices/breathe: the breathing pacer on its own, with its pace form.</summary>
    Breathe,

    /// <summary>/practices/safe-place/log: logging a session.</summary>
    PracticeLog,

    /// <summary>/practices/history with sessions logged: this month, what helps, the list.</summary>
    PracticeHistory,

    /// <summary>/practices/rhythm with a practice in the week and a calendar address made.</summary>
    PracticeRhythm,

    /// <summary>/learn: the course.</summary>
    Course,

    /// <summary>/learn/the-three-systems: a lesson with its question.</summary>
    Lesson,

    /// <summary>/learn/fears-blocks-and-resistances: one of the lessons written for issue 15, with its grounding list.</summary>
    LessonFears,

    /// <summary>/learn/references.</summary>
    References,

    /// <summary>/measures with a PHQ-9 score and a GAD-7 draft: the questionnaires, the latest score, "carry on".</summary>
    Questionnaires,

    /// <summary>/measures/phq9, nothing answered yet: one question at a time on a phone, all on one page on a wide screen.</summary>
    Questionnaire,

    /// <summary>/measures/phq9 after item 9 is answered above "not at all": the support notice shown at once.</summary>
    QuestionnaireSupport,

    /// <summary>/measures/phq9/responses/{id}: the third PHQ-9, its band and its change since the first and the previous.</summary>
    QuestionnaireResult,

    /// <summary>/measures/phq9/history with three scores and a reminder: the chart with bands and cut-off, its table, the reminder form.</summary>
    QuestionnaireHistory,

    /// <summary>/account/delete: what goes, the download offered first, the password and the confirm button.</summary>
    DeleteAccount,

    /// <summary>/account/deleted, signed out: the goodbye after an account is deleted.</summary>
    AccountDeleted,

    /// <summary>/, signed in after a check-in with a quiet threat system: the last three circles, each labelled beside its own circle.</summary>
    Home,

    /// <summary>/care-team/join/{code}: who invited, and the sharing choices with a preview of what the therapist would see.</summary>
    CareTeamJoin,

    /// <summary>/care-team with one therapist: what they see, stopping, and the list of their looks.</summary>
    CareTeam,

    /// <summary>/care-team/{id}/preview: the therapist's page about the client as the therapist sees it, the client sharing everything after a check-in.</summary>
    CareTeamPreview,

    /// <summary>/caseload with two clients, one sharing everything and one nothing, and the invite form.</summary>
    Caseload,

    /// <summary>/caseload/{id} for a client who shares everything: the trend, check-ins, questionnaire and practices.</summary>
    CaseloadClient,

    /// <summary>/caseload/{id}/writing/{entryId}: one journal entry a client shares, read-only.</summary>
    CaseloadEntry,

    /// <summary>/clinic/{slug}/staff: the admin's staff list, with clients per therapist, and the invite form.</summary>
    ClinicStaff,

    /// <summary>/messages/{id} as the client: a message each way, the therapist's reply expectation, the box to write in and the way to take a message back.</summary>
    MessageThread,

    /// <summary>/caseload/{id}/session-notes/new: the form for a session's notes.</summary>
    WriteSessionNote,

    /// <summary>/session-notes/{id}: a note written two days ago and amended since, with the form for another amendment and the earlier version.</summary>
    SessionNote,

    /// <summary>/write: the journal, critic-to-ally records, letters and ally cards.</summary>
    Write,

    /// <summary>/journal with entries and tags: search and the list.</summary>
    Journal,

    /// <summary>/journal/new: a suggested prompt and the entry's fields.</summary>
    JournalWriting,

    /// <summary>/journal/new with words this browser kept after the connection dropped, put back with a notice.</summary>
    JournalDraftRestored,

    /// <summary>/journal/{id}: a self-critical entry beside its check-in, with the offer to answer the critic.</summary>
    JournalEntry,

    /// <summary>/ally-records with a record.</summary>
    AllyRecords,

    /// <summary>/ally-records/new at step 2, the critic's words written and the engine's notes shown.</summary>
    AllyRecordStep,

    /// <summary>/ally-records/{id}: a whole record read back, with what the engine noticed.</summary>
    AllyRecord,

    /// <summary>/letters with a draft and a finished letter.</summary>
    Letters,

    /// <summary>/letters/new: choosing the kind of letter.</summary>
    LetterKinds,

    /// <summary>/letters/new?variation=to-the-critic: each part with that kind's prompt.</summary>
    LetterWriting,

    /// <summary>/letters/{id}: a finished letter read back, with read-aloud.</summary>
    LetterReadBack,

    /// <summary>/ally-cards with two cards: the deck.</summary>
    AllyCards,

    /// <summary>/ally-cards/new begun from a record's compassionate reply.</summary>
    AllyCardKeeping,

    /// <summary>/write/over-time with rated records: how often, and the two charts.</summary>
    WritingOverTime,

    /// <summary>/journal/{id}/delete: asking once.</summary>
    WritingDelete,

    /// <summary>/check-ins/{id} right after a heavy check-in: the offer to reread a letter.</summary>
    CheckInReread,
}
