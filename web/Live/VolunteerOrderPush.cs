using GridCommand.Contracts.Volunteers;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// Volunteer orders to the phones on this node: "volunteerOrder" to each volunteer in range of a new open order, and
/// "volunteerOrderTaken" to all of them (and the claimer) once it is claimed, completed or cancelled; its status says which.
/// </summary>
public static class VolunteerOrderPush
{
    public const string Opened = "volunteerOrder";
    public const string Taken = "volunteerOrderTaken";

    public static void Send(IHubContext<FieldHub> field, IReadOnlyList<VolunteerOrderChange>? changes)
    {
        foreach (var change in changes ?? [])
        {
            if (change.Notify.Count == 0) continue;
            var groups = change.Notify.Select(FieldHub.GroupOf).ToList();
            _ = field.Clients.Groups(groups).SendAsync(change.Order.IsOpen ? Opened : Taken, change.Order);
        }
    }
}
