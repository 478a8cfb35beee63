using GridCommand.Contracts;
using GridCommand.Rules;

namespace GridCommand.Web.Apis;

/// <summary>Refusals as problem+json: 400 bad input, 403 another's resource, 404 unknown id, 409 a rule refused.</summary>
public static class Problems
{
    public static IResult BadRequest(string message) => Results.Problem(message, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) => Results.Problem(message, statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden(string message) => Results.Problem(message, statusCode: StatusCodes.Status403Forbidden);

    public static int StatusOf(RejectionCode code) => code switch
    {
        RejectionCode.NotFound => StatusCodes.Status404NotFound,
        RejectionCode.Conflict => StatusCodes.Status409Conflict,
        RejectionCode.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A refusal's problem; a lost dispatch race carries the unit to try instead as "nextChoice".</summary>
    public static IResult Of(Refusal r) => Results.Problem(r.Message, statusCode: StatusOf(r.Code),
        extensions: r.NextChoice is null ? null : new Dictionary<string, object?> { ["nextChoice"] = r.NextChoice });
}
