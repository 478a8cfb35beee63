using GridCommand.Grains;
using GridCommand.Grains.Messages;

namespace GridCommand.Web.Apis;

/// <summary>Turns a grain's reply into an HTTP result: the expected reply through <paramref name="ok"/>, a refusal as problem+json.</summary>
public static class GrainReplies
{
    public static IResult Map<T>(object reply, Func<T, IResult> ok) => reply switch
    {
        T expected => ok(expected),
        Rejected rejected => Problem(rejected),
        _ => Results.Problem($"Unexpected reply {reply.GetType().Name}", statusCode: StatusCodes.Status500InternalServerError),
    };

    public static IResult Problem(Rejected r)
    {
        var status = r.Code switch
        {
            RejectionCode.NotFound => StatusCodes.Status404NotFound,
            RejectionCode.Conflict => StatusCodes.Status409Conflict,
            RejectionCode.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var extensions = r.NextChoice is null ? null : new Dictionary<string, object?> { ["nextChoice"] = r.NextChoice };
        return Results.Problem(r.Message, statusCode: status, extensions: extensions);
    }

    public static IResult BadRequest(string message) => Results.Problem(message, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) => Results.Problem(message, statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden(string message) => Results.Problem(message, statusCode: StatusCodes.Status403Forbidden);
}
