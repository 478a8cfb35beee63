using GridCommand.Rules;
using GridCommand.Web.Apis;

namespace GridCommand.Web.Hosting;

/// <summary>Every id in a route (unitId, id, taskId, cellId, stationId) is checked before any grain is touched: a bad one is a 400.</summary>
public sealed class GridIdFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var (key, value) in context.HttpContext.Request.RouteValues)
        {
            if (!IsId(key)) continue;
            if (GridIds.Check(key, value as string) is { } error) return ValueTask.FromResult<object?>(Problems.BadRequest(error));
        }
        return next(context);
    }

    private static bool IsId(string routeKey) => routeKey == "id" || routeKey.EndsWith("Id", StringComparison.Ordinal);
}
