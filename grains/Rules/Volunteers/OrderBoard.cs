using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Volunteers;

/// <summary>
/// The city's volunteer orders at a glance: every open and claimed one (what a phone coming into range, or its claimer,
/// asks for) and the latest ended ones (the console's list), each at its newest view. Older ended orders stay with their
/// own grains.
/// </summary>
public sealed class OrderBoard
{
    public const int KeepEnded = 200;

    public Dictionary<string, VolunteerOrder> Orders { get; set; } = new();

    /// <summary>A newer view replaces the one held; a late, older one is ignored.</summary>
    public void Update(VolunteerOrder order)
    {
        if (Orders.TryGetValue(order.Id, out var known) && known.Seq > order.Seq) return;
        Orders[order.Id] = order;
        var ended = Orders.Values.Where(o => o.IsEnded).OrderByDescending(o => o.ClosedAt).Skip(KeepEnded).ToList();
        foreach (var old in ended) Orders.Remove(old.Id);
    }

    /// <summary>The open orders whose radius reaches <paramref name="where"/>, nearest first.</summary>
    public IReadOnlyList<VolunteerOrder> OpenNear(GeoPoint where) =>
        Orders.Values.Where(o => o.IsOpen && o.Reaches(where)).OrderBy(o => o.DistanceTo(where)).ToList();

    /// <summary>What a volunteer's phone lists: the open orders reaching it, nearest first, then the ones it has claimed.</summary>
    public IReadOnlyList<VolunteerOrder> ForVolunteer(string unitId, GeoPoint? where) =>
        (where is { } w ? OpenNear(w) : [])
        .Concat(Orders.Values.Where(o => o.Status == VolunteerOrderStatus.Claimed && o.ClaimedBy == unitId)).ToList();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<VolunteerOrder> Listed(string? incidentId = null) =>
        Orders.Values.Where(o => incidentId is null || o.IncidentId == incidentId).OrderByDescending(o => o.PublishedAt).ToList();
}
