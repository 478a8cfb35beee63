using System.Security.Claims;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Hosting;
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
                    GrainReplies.Map<TaskView>(await answers.Answer(user.UnitId()!, taskId, answer, body?.Reason ?? body?.Note), Results.Ok))
                .RequireAuthorization(Roles.Policies.Device);
        }

        api.MapPost("/{taskId}/cancel", (string taskId, TaskAnswerRequest? body, ClaimsPrincipal user, GridNode node) =>
            Withdraw(taskId, body, reassign: false, user, node)).RequireAuthorization(Roles.Policies.Dispatch);
        api.MapPost("/{taskId}/reassign", (string taskId, TaskAnswerRequest? body, ClaimsPrincipal user, GridNode node) =>
            Withdraw(taskId, body, reassign: true, user, node)).RequireAuthorization(Roles.Policies.Dispatch);
        return app;
    }

    private static async Task<IResult> Withdraw(string taskId, TaskAnswerRequest? body, bool reassign, ClaimsPrincipal user, GridNode node)
    {
        var error = InputRules.Text("reason", body?.Reason, InputRules.MaxTextLength);
        if (error is not null) return GrainReplies.BadRequest(error);
        if (TaskIds.IncidentOf(taskId) is not { } incidentId) return GrainReplies.NotFound($"No task {taskId}.");
        var reply = await node.Ask(node.Incidents, new WithdrawTask(incidentId, taskId, body?.Reason, reassign, body?.UnitId, user.Who()),
            TimeSpan.FromSeconds(20));
        return GrainReplies.Map<IncidentView>(reply, Results.Ok);
    }
}
