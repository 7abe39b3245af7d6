using System.Globalization;
using System.Security.Claims;
using System.Text;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Sessions;

/// <summary>
/// The host downloads a session's questions as CSV, also while it is live: every question with its status, live
/// vote count and answer. Recruiters of the session's employer only.
/// </summary>
public static class ExportQuestions
{
    public sealed record Query(Guid SessionId, ClaimsPrincipal Caller) : IQuery<Result<byte[]>>;

    public sealed class Handler(LiveHireDbContext db, ILiveState state) : IQueryHandler<Query, Result<byte[]>>
    {
        public async ValueTask<Result<byte[]>> Handle(Query query, CancellationToken cancellationToken)
        {
            var session = await db.LiveSessions.AsNoTracking().Where(s => s.Id == query.SessionId)
                .Select(s => new { s.Id, s.EmployerId }).SingleOrDefaultAsync(cancellationToken);
            if (session is null) return Error.NotFound("Session");
            if (!query.Caller.IsRecruiterOf(session.EmployerId))
                return Error.Forbidden("Only recruiters of the session's employer may export its questions.");

            var votes = await state.GetVoteCountsAsync(session.Id, cancellationToken);
            var rows = await (
                    from q in db.Questions.AsNoTracking()
                    join u in db.Users.AsNoTracking() on q.AuthorId equals u.Id
                    where q.SessionId == session.Id
                    select new { q.Id, q.CreatedAt, Author = u.DisplayName, q.Text, q.Status, q.Answer, q.AnsweredAt })
                .ToListAsync(cancellationToken);

            var csv = new StringBuilder();
            Csv.AppendRow(csv, ["time (Beijing)", "author", "question", "votes", "status", "answer"]);
            // Ordered in memory: SQLite cannot order by DateTimeOffset, and a session's questions fit in memory.
            foreach (var r in rows.OrderBy(r => r.CreatedAt))
            {
                var status = r.AnsweredAt is null ? r.Status.ToString() : $"{r.Status}, Answered";
                Csv.AppendRow(csv, [BeijingTime.ToLocal(r.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Author, r.Text,
                    votes.GetValueOrDefault(r.Id).ToString(CultureInfo.InvariantCulture), status, r.Answer ?? ""]);
            }
            // The BOM is what makes Excel (as used in China) read UTF-8 rather than GBK, so Chinese text opens intact.
            return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{sessionId:guid}/questions.csv", Handle)
            .RequireAuthorization()
            .WithName("ExportQuestions")
            .WithSummary("A session's questions as CSV (UTF-8 with BOM), also while live (recruiters of the session's employer).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Guid sessionId, ClaimsPrincipal user, IMediator mediator,
        TimeProvider clock, CancellationToken ct)
    {
        var result = await mediator.Send(new Query(sessionId, user), ct);
        if (!result.IsSuccess) return (ProblemHttpResult)result.Error!.ToProblem();
        var stamp = BeijingTime.ToLocal(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return TypedResults.File(result.Value!, "text/csv; charset=utf-8", $"questions-{sessionId:N}-{stamp}.csv");
    }
}

/// <summary>RFC 4180 fields, plus a guard against spreadsheet formulas in text people typed.</summary>
public static class Csv
{
    public static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(Field(fields[i]));
        }
        csv.Append("\r\n");
    }

    public static string Field(string value)
    {
        // A cell starting with = + - @ would run as a formula in Excel ("CSV injection"): a leading quote keeps it text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
