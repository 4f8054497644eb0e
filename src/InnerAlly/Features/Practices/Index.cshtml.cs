using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnerAlly.Features.Practices;

public sealed class IndexModel : PageModel;
