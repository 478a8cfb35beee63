namespace GridCommand.Contracts.Intake;

/// <summary>
/// Where every new report enters, one at a time for the whole cluster (key <see cref="CityKeys.City"/>):
/// six people calling about one fire on different nodes at once make one incident with six reports.
/// </summary>
public interface IIntakeGrain : IGrainWithStringKey
{
    /// <summary>
    /// A retried request returns what it made the first time; a repeat call is merged into the open incident
    /// it repeats; a non-police matter is diverted when asked; anything else opens a new incident.
    /// </summary>
    Task<IntakeResult> Report(IncidentReport report);
}
