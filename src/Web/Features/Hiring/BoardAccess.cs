using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Hiring;

/// <summary>Only recruiters of the job's employer work an application; to anyone else it reads as missing, so ids cannot be probed.</summary>
public static class BoardAccess
{
    public static async Task<Result<JobApplication>> LoadAsync(LiveHireDbContext db, Guid applicationId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var application = await db.Applications.Include(a => a.Job).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || !caller.IsRecruiterOf(application.Job!.EmployerId)) return Error.NotFound("Application");
        return application;
    }
}
