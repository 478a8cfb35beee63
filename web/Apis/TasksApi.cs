using System.Security.Claims;
using GridCommand.Contracts.Incidents;
using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

/// <summary>The body of decline (reason), complete (note), cancel (reason) and reassign (unitId); all optional.</summary>
public sealed record TaskAnswerRequest(string? Reason, string? Note, string? UnitId);

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks");

        api.MapGet("/current", async (ClaimsPrincipal user, TaskAnswers answers) =>
            await answers.CurrentTask(user.UnitId()!) is { } task ? Results.Ok(task) : Results.NoContent())
            .RequireAuthorization(Roles.Policies.Device);

        foreach (var answer in Enum.GetValues<TaskAnswer>())
        {
            api.MapPost($"/{{taskId}}/{answer.ToString().ToLowerInvariant()}",
                async (string taskId, TaskAnswerRequest? body, ClaimsPrincipal user, TaskAnswers answers) =>
                    Results.Ok(await answers.Answer(user.UnitId()!, taskId, answer, body?.Reason ?? body?.Note)))
                .RequireAuthorization(Roles.Policies.Device);
        }

        api.MapPost("/{taskId}/cancel", (string taskId, TaskAnswerRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
            Withdraw(taskId, body, reassign: false, user, grains)).RequireAuthorization(Roles.Policies.Dispatch);
        api.MapPost("/{taskId}/reassign", (string taskId, TaskAnswerRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
            Withdraw(taskId, body, reassign: true, user, grains)).RequireAuthorization(Roles.Policies.Dispatch);
        return app;
    }

    private static async Task<IResult> Withdraw(string taskId, TaskAnswerRequest? body, bool reassign, ClaimsPrincipal user, IGrainFactory grains)
    {
        var error = InputRules.Text("reason", body?.Reason, InputRules.MaxTextLength)
                    ?? (body?.UnitId is null ? null : GridIds.Check("unitId", body.UnitId));
        if (error is not null) return Problems.BadRequest(error);
        if (TaskIds.IncidentOf(taskId) is not { } incidentId) return Problems.NotFound($"No task {taskId}.");
        return Results.Ok(await grains.GetGrain<IIncidentGrain>(incidentId)
            .Withdraw(new Withdrawal(taskId, body?.Reason, reassign, body?.UnitId, user.Who())));
    }
}
