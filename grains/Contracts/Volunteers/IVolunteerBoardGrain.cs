using GridCommand.Rules.Volunteers;

namespace GridCommand.Contracts.Volunteers;

/// <summary>The city's open and latest volunteer orders (one, keyed "city"): each order grain tells it its newest view.</summary>
public interface IVolunteerBoardGrain : IGrainWithStringKey
{
    Task Update(VolunteerOrder order);

    /// <summary>From the incident, closed: its open orders are cancelled, so no phone goes on listing them.</summary>
    [OneWay]
    Task IncidentEnded(string incidentId);

    /// <summary>Newest first; only this incident's when it is named.</summary>
    Task<IReadOnlyList<VolunteerOrder>> Listed(string? incidentId);

    /// <summary>The open orders reaching the volunteer where it stands (nearest first), then those it has claimed.</summary>
    Task<IReadOnlyList<VolunteerOrder>> ForVolunteer(string unitId, double? lat, double? lon);
}
