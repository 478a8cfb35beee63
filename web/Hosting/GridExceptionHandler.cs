using System.Data.Common;
using GridCommand.Contracts;
using GridCommand.Web.Apis;
using Microsoft.AspNetCore.Diagnostics;

namespace GridCommand.Web.Hosting;

/// <summary>
/// What a grain call can end in, as HTTP: a refusal of the rules is its 4xx problem; a grid that cannot answer
/// now (a timeout, a silo going away, a database that fails) is a 503 to retry, never a 500, and no database or
/// runtime text reaches the client.
/// </summary>
public sealed partial class GridExceptionHandler(IProblemDetailsService problems, ILogger<GridExceptionHandler> log) : IExceptionHandler
{
    public const string Unavailable = "The grid could not complete this now; nothing was changed that was not confirmed. Please retry.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is Refusal refusal)
        {
            await Problems.Of(refusal).ExecuteAsync(context);
            return true;
        }
        if (!IsGridUnavailable(exception)) return false;
        LogUnavailable(log, context.Request.Method, context.Request.Path, exception.GetType().Name);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = exception is NotSavedException ? exception.Message : Unavailable,
            },
        });
    }

    public static bool IsGridUnavailable(Exception e) =>
        e is NotSavedException or TimeoutException or OrleansException or DbException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the grid could not answer ({Exception}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string exception);
}
