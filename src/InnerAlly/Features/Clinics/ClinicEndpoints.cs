namespace InnerAlly.Features.Clinics;

/// <summary>/api/v1/clinics: the clinics a person is staff of, and, for a clinic's admins, its details and staff.</summary>
public static class ClinicEndpoints
{
    public static RouteGroupBuilder MapClinics(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/clinics", "Clinics");
        group.MapGet("/", ListAsync).WithName("ListMyClinics");
        group.MapPost("/invitations/accept", AcceptAsync).WithName("AcceptStaffInvitation").ProducesValidationProblem();
        group.MapGet("/{slug}", GetAsync).WithName("GetClinic");
        group.MapPut("/{slug}", UpdateAsync).WithName("UpdateClinic").ProducesValidationProblem();
        group.MapGet("/{slug}/staff", StaffAsync).WithName("ListClinicStaff");
        group.MapPost("/{slug}/invitations", InviteAsync).WithName("InviteStaff").ProducesValidationProblem();
        group.MapDelete("/{slug}/invitations/{id:guid}", WithdrawAsync).WithName("WithdrawStaffInvitation");
        group.MapPost("/{slug}/staff/{id:guid}/deactivate", DeactivateAsync).WithName("DeactivateStaff").ProducesValidationProblem();
        return group;
    }

    /// <summary>The clinics where you are active staff, with your roles in each.</summary>
    public static async Task<Ok<IReadOnlyList<ClinicAccess.Membership>>> ListAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.MembershipsAsync(user.GetUserId(), cancellationToken));

    /// <summary>Accept an invitation to a clinic's staff, with the token from its link. You must be signed in with the address it was sent to.</summary>
    public static async Task<Results<Ok<ClinicAccess.Membership>, ValidationProblem>> AcceptAsync(
        AcceptStaffInvitation.Request request, ClaimsPrincipal principal, UserManager<User> users, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("A signed-in request has a user.");
        var (outcome, slug) = await AcceptStaffInvitation.HandleAsync(request, user, db, clock, cancellationToken);
        return outcome switch
        {
            AcceptStaffInvitation.Outcome.Joined => TypedResults.Ok((await db.MembershipsAsync(user.Id, cancellationToken)).Single(m => m.Slug == slug)),
            AcceptStaffInvitation.Outcome.OtherAddress => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [AcceptStaffInvitation.OtherAddress] }),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [AcceptStaffInvitation.NotOpen] }),
        };
    }

    /// <summary>The clinic's details. For its admins.</summary>
    public static async Task<Results<Ok<UpdateClinicDetails.Response>, NotFound>> GetAsync(string slug, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.AsAdminAsync(slug, user.GetUserId(), cancellationToken) is { } clinic ? TypedResults.Ok(UpdateClinicDetails.Response.From(clinic)) : TypedResults.NotFound();

    /// <summary>Change the clinic's name, time zone and contact details. Its short name stays. For its admins.</summary>
    public static async Task<Results<Ok<UpdateClinicDetails.Response>, NotFound>> UpdateAsync(
        string slug, UpdateClinicDetails.Request request, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.AsAdminAsync(slug, user.GetUserId(), cancellationToken) is { } clinic
            ? TypedResults.Ok(await UpdateClinicDetails.HandleAsync(clinic, request, db, cancellationToken))
            : TypedResults.NotFound();

    /// <summary>The clinic's staff, active first, and its open invitations. For its admins.</summary>
    public static async Task<Results<Ok<ListStaff.Response>, NotFound>> StaffAsync(string slug, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.AsAdminAsync(slug, user.GetUserId(), cancellationToken) is { } clinic
            ? TypedResults.Ok(await ListStaff.HandleAsync(clinic, db, clock, cancellationToken))
            : TypedResults.NotFound();

    /// <summary>Invite a therapist or an admin by email. The link works once, for 7 days; it is in this answer once, to hand over when email is off. For the clinic's admins.</summary>
    public static async Task<Results<Ok<InviteStaff.Response>, NotFound>> InviteAsync(
        string slug, InviteStaff.Request request, ClaimsPrincipal user, AppDbContext db, StaffInvitationMail mail, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.AsAdminAsync(slug, user.GetUserId(), cancellationToken) is { } clinic
            ? TypedResults.Ok(await InviteStaff.HandleAsync(clinic, request, user.GetUserId(), db, mail, clock, cancellationToken))
            : TypedResults.NotFound();

    /// <summary>Withdraw an invitation that has not been accepted. For the clinic's admins.</summary>
    public static async Task<Results<NoContent, NotFound>> WithdrawAsync(string slug, Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.AsAdminAsync(slug, user.GetUserId(), cancellationToken) is { } clinic && await DeactivateStaff.WithdrawInvitationAsync(clinic, id, db, clock, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    /// <summary>Deactivate a member of staff: every access they have ends with their next request. A clinic keeps at least one active admin. For its admins.</summary>
    public static async Task<Results<NoContent, NotFound, ValidationProblem>> DeactivateAsync(
        string slug, Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.AsAdminAsync(slug, user.GetUserId(), cancellationToken) is not { } clinic)
        {
            return TypedResults.NotFound();
        }

        return await DeactivateStaff.HandleAsync(clinic, id, db, clock, cancellationToken) switch
        {
            DeactivateStaff.Outcome.Done => TypedResults.NoContent(),
            DeactivateStaff.Outcome.LastAdmin => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [DeactivateStaff.LastAdmin] }),
            _ => TypedResults.NotFound(),
        };
    }
}
