namespace GridCommand.Web.Hosting;

/// <summary>
/// Counts every request answered 4xx (bad input, no or wrong token, unknown id, a rule's refusal, throttled) by status,
/// so that an attack or a broken client shows in /metrics instead of in the log, where refusals are Debug lines.
/// </summary>
public static class RefusalCounting
{
    /// <summary>Outside the exception handler, to count the status the client finally got.</summary>
    public static IApplicationBuilder UseRefusalCounting(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<WebMetrics>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode is >= 400 and < 500) metrics.RequestRefused(context.Response.StatusCode);
        });
    }
}
