using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Rules.Incidents;
using GridCommand.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// /hubs/field: a unit's phone. Receives "task" and "taskWithdrawn"; on connect it is sent its current
/// task, if any, so nothing is missed while offline. Answers may come here instead of REST.
/// </summary>
[Authorize(Policy = Roles.Policies.Device)]
public sealed class FieldHub(TaskAnswers answers) : Hub
{
    public static string GroupOf(string unitId) => $"unit:{unitId}";

    private string UnitId => Context.User!.UnitId()!;

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(UnitId));
        if (await answers.CurrentTask(UnitId) is { } task) await Clients.Caller.SendAsync("task", task);
    }

    public Task<TaskView> Accept(string taskId) => Answer(taskId, TaskAnswer.Accept, null);

    public Task<TaskView> Decline(string taskId, string? reason) => Answer(taskId, TaskAnswer.Decline, reason);

    public Task<TaskView> Arrive(string taskId) => Answer(taskId, TaskAnswer.Arrive, null);

    public Task<TaskView> Complete(string taskId, string? note) => Answer(taskId, TaskAnswer.Complete, note);

    private async Task<TaskView> Answer(string taskId, TaskAnswer answer, string? remark)
    {
        try
        {
            return await answers.Answer(UnitId, taskId, answer, remark);
        }
        catch (Refusal r)
        {
            throw new HubException(r.Message);
        }
    }
}
