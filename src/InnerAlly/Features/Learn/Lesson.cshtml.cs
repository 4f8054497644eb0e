using InnerAlly.Features.Practices;
using InnerAlly.Language;

namespace InnerAlly.Features.Learn;

/// <summary>One lesson with its question; the same use cases and rules as /api/v1/lessons.</summary>
public sealed class LessonModel(LessonCatalog course, PracticeCatalog practices, AppDbContext db, TimeProvider clock, SafetyFollowUp safety) : PageModel
{
    public Lesson Lesson { get; private set; } = null!;

    public Lesson? Next { get; private set; }

    public Practice? Practice { get; private set; }

    public bool Read { get; private set; }

    public bool JustSaved { get; private set; }

    [BindProperty]
    public CourseProgress.ReflectionRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        JustSaved = TempData["Reflected"] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostReflectAsync(string slug, CancellationToken cancellationToken)
    {
        var text = Input.Text;
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Input.Text = text;
            return Page();
        }

        await CourseProgress.SaveReflectionAsync(User.GetUserId(), slug, text!, db, clock, cancellationToken);
        TempData["Reflected"] = true;
        SafetyFollowUp.Carry(await safety.AfterSavingAsync(text, TextSetting.LessonReflection, HttpContext, db, cancellationToken), TempData);

        return Redirect($"/learn/{slug}#reflection");
    }

    public async Task<IActionResult> OnPostReadAsync(string slug, CancellationToken cancellationToken)
    {
        if (course.Find(slug) is null)
        {
            return NotFound();
        }

        await CourseProgress.MarkReadAsync(User.GetUserId(), slug, db, clock, cancellationToken);
        return Redirect(course.After(slug) is { } next ? $"/learn/{next.Slug}" : "/learn");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (course.Find(slug) is not { } lesson)
        {
            return false;
        }

        Lesson = lesson;
        Next = course.After(slug);
        Practice = practices.Find(lesson.Practice);
        var state = await CourseProgress.StateAsync(User.GetUserId(), slug, db, cancellationToken);
        Read = state?.ReadAt is not null;
        Input.Text ??= state?.Reflection;
        return true;
    }
}
