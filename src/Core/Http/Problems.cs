using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Http;

namespace LiveHire.Core.Http;

/// <summary>The one mapping from an expected <see cref="Error"/> to an HTTP ProblemDetails response, for every host's endpoints.</summary>
public static class Problems
{
    public static IResult ToProblem(this Error error)
    {
        var status = error.Code switch
        {
            "auth.required" => StatusCodes.Status401Unauthorized,
            "forbidden" => StatusCodes.Status403Forbidden,
            "not_found" => StatusCodes.Status404NotFound,
            "rate_limited" => StatusCodes.Status429TooManyRequests,
            "video.unavailable" or "resume.font_missing" => StatusCodes.Status503ServiceUnavailable,
            "video.too_large" => StatusCodes.Status413PayloadTooLarge,
            var c when c.StartsWith("conflict.", StringComparison.Ordinal) => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(title: error.Message, statusCode: status, type: $"https://livehire.dev/problems/{error.Code}",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
