using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LiveHire.Web.Infrastructure;

/// <summary>The one place exceptions become HTTP responses: validation → 400 with field errors, anything else → 500 without internals.</summary>
internal sealed class GlobalExceptionHandler(IProblemDetailsService problems, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The <c>type</c> of every 400 that lists what is wrong with each field.</summary>
    public const string ValidationProblemType = "https://livehire.dev/problems/validation";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsApiRequest(context))
        {
            // People get the friendly /Error page (re-executed by UseExceptionHandler); programs get ProblemDetails.
            if (exception is BadHttpRequestException unread)
                logger.LogInformation("A page request could not be read ({Status}): {Reason}", unread.StatusCode, unread.Message);
            else
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            return false;
        }

        ProblemDetails problem;
        if (exception is ValidationException validation)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            problem = new ValidationProblemDetails(validation.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Type = ValidationProblemType,
            };
        }
        else if (exception is BadHttpRequestException bad)
        {
            // Binding's own words name the parameter and the value (Failed to bind parameter "Nullable<decimal> MinPay" from "abc".); for a
            // JSON body the reader's add where in it (The JSON value could not be converted to ... Path: $.payMin ...).
            context.Response.StatusCode = bad.StatusCode;
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message,
            };
        }
        else
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            problem = new ProblemDetails { Status = 500, Title = "Something went wrong on our side. Please try again." };
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A program's request (the API, or anything that does not ask for HTML), as opposed to a person's page request.</summary>
    internal static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || !context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
}
