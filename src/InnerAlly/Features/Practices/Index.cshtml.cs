namespace InnerAlly.Features.Practices;

public sealed class IndexModel : PageModel;
