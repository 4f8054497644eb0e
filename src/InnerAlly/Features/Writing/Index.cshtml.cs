namespace InnerAlly.Features.Writing;

/// <summary>The writing section's front page: the journal, critic-to-ally records, letters and ally cards.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
