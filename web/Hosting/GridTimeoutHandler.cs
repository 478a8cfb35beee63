using Akka.Actor;
using Microsoft.AspNetCore.Diagnostics;

namespace GridCommand.Web.Hosting;

/// <summary>A grain that does not answer in time (overload, a node leaving) is a 503 to retry, not a 500.</summary>
public sealed class GridTimeoutHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not AskTimeoutException) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = 503, Title = "Service Unavailable", Detail = "The grid did not answer in time; please retry." },
        });
    }
}
