using LiveHire.Core.Domain;
using Microsoft.AspNetCore.Http;

namespace LiveHire.Realtime.Features.Video;

/// <summary>Realtime's HTTP endpoints map an expected <see cref="Error"/> to ProblemDetails the same way Web does.</summary>
internal static class VideoProblems
{
    public static IResult ToProblem(this Error error)
    {
        var status = error.Code switch
        {
            "auth.required" => StatusCodes.Status401Unauthorized,
            "forbidden" => StatusCodes.Status403Forbidden,
            "not_found" => StatusCodes.Status404NotFound,
            "video.unavailable" => StatusCodes.Status503ServiceUnavailable,
            "video.too_large" => StatusCodes.Status413PayloadTooLarge,
            var c when c.StartsWith("conflict.", StringComparison.Ordinal) => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(title: error.Message, statusCode: status, type: $"https://livehire.dev/problems/{error.Code}",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
