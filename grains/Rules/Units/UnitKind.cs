namespace GridCommand.Rules.Units;

/// <summary>What a unit is; on the wire in kebab case (patrol-car, foot-patrol, …).</summary>
public enum UnitKind { PatrolCar, PatrolMotorbike, PatrolBike, FootPatrol, Guard, Volunteer }
