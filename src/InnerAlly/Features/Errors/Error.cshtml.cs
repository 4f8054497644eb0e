namespace InnerAlly.Features.Errors;

/// <summary>The friendly page for errors and for status codes with no page of their own.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? code) => Status = code ?? StatusCodes.Status500InternalServerError;

    public void OnPost(int? code) => OnGet(code);
}
