using LiveHire.Core.Domain;

namespace LiveHire.Web.Infrastructure;

/// <summary>The one mapping from an expected <see cref="Error"/> to an HTTP ProblemDetails response.</summary>
public static class Problems
{
    public static IResult ToProblem(this Error error)
    {
        var status = error.Code switch
        {
            "not_found" => StatusCodes.Status404NotFound,
            "forbidden" => StatusCodes.Status403Forbidden,
            "rate_limited" => StatusCodes.Status429TooManyRequests,
            var c when c.StartsWith("conflict.", StringComparison.Ordinal) => StatusCodes.Status409Conflict,
            var c when c.StartsWith("validation.", StringComparison.Ordinal) => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(title: error.Message, statusCode: status, type: $"https://livehire.dev/problems/{error.Code}",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
